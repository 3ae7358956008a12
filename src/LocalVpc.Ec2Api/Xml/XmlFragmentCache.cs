using System.Runtime.CompilerServices;
using System.Text;
using LocalVpc.Ec2Api.Protocol;

namespace LocalVpc.Ec2Api.Xml;

/// <summary>
/// Keeps the XML of a resource that many Describe calls list, as UTF-8, keyed by the immutable record itself and the
/// tags it was written with: a changed resource is a new record, and new tags are a new dictionary, so a cached
/// fragment can never be stale. Use it only for shapes written from the record, its tags and other facts that never
/// change for it (group names and zones of what it refers to). In a response document the bytes are copied as they
/// are (<see cref="Utf8XmlWriter.WriteUtf8"/>). Listing 1,000 endpoints: 106 calls/s written each time, 147 with fragments
/// kept as text, 237 with them kept as bytes in pooled response blocks (bench/README.md).
/// </summary>
public sealed class XmlFragmentCache<T> where T : class
{
    private sealed record Fragment(object Tags, byte[] Utf8);

    private readonly ConditionalWeakTable<T, Fragment> _fragments = [];

    /// <summary>Writes the item's members, from the cache when the same record and tags were written before.</summary>
    public void Write(XmlWriter w, T item, object tags, Action<XmlWriter> members)
    {
        if (!_fragments.TryGetValue(item, out var fragment) || !ReferenceEquals(fragment.Tags, tags))
        {
            using var bytes = new MemoryStream(1024);
            using (var writer = new Utf8XmlWriter(bytes)) members(writer);
            fragment = new Fragment(tags, bytes.ToArray());
            _fragments.AddOrUpdate(item, fragment);
        }
        if (w is Utf8XmlWriter document) document.WriteUtf8(fragment.Utf8);
        else w.WriteRaw(Encoding.UTF8.GetString(fragment.Utf8));
    }
}
