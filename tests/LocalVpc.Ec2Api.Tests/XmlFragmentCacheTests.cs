using System.Buffers;
using System.Text;
using System.Xml;
using LocalVpc.Ec2Api.Protocol;
using LocalVpc.Ec2Api.Xml;

namespace LocalVpc.Ec2Api.Tests;

/// <summary>
/// A listed resource's cached fragment, copied into the response document as UTF-8 bytes, must give the document the
/// same bytes as writing the resource afresh: escaped markup, characters beyond ASCII, open start tags before it.
/// </summary>
public sealed class XmlFragmentCacheTests
{
    private sealed record Thing(string Id, string Name);

    private static void Members(XmlWriter w, Thing thing, ImmutableDictionary<string, string> tags)
    {
        w.WriteElementString("thingId", thing.Id);
        w.WriteElementString("name", thing.Name);
        w.WriteStartElement("tagSet");
        foreach (var (key, value) in tags)
        {
            w.WriteStartElement("item");
            w.WriteElementString("key", key);
            w.WriteElementString("value", value);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static string Document(Action<XmlWriter, Thing, ImmutableDictionary<string, string>> item, IEnumerable<(Thing, ImmutableDictionary<string, string>)> things)
    {
        using var document = XmlResponseWriter.Success("DescribeThings", "request-1", w =>
        {
            w.WriteStartElement("thingSet");
            foreach (var (thing, tags) in things)
            {
                w.WriteStartElement("item");
                item(w, thing, tags);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
        return Encoding.UTF8.GetString(document.Bytes.ToArray());
    }

    [Fact]
    public void ACachedFragment_GivesTheSameDocument_AsWritingTheResourceAfresh_AndFollowsNewTags()
    {
        var cache = new XmlFragmentCache<Thing>();
        var things = new[]
        {
            (new Thing("thing-1", "a & b <c> \"d\""), ImmutableDictionary<string, string>.Empty.Add("Name", "café ☕ 𝄞")),
            (new Thing("thing-2", ""), ImmutableDictionary<string, string>.Empty),
        };
        var fresh = Document(Members, things);

        // The first document fills the cache, the second is written from it.
        Assert.Equal(fresh, Document((w, t, tags) => cache.Write(w, t, tags, w => Members(w, t, tags)), things));
        Assert.Equal(fresh, Document((w, t, tags) => cache.Write(w, t, tags, _ => throw new InvalidOperationException("not from the cache")), things));
        Assert.Contains("<name>a &amp; b &lt;c&gt; \"d\"</name>", fresh);
        Assert.Contains("café ☕ 𝄞", fresh);

        // New tags are a new dictionary: the fragment is written again.
        var retagged = things.Select(t => (t.Item1, t.Item2.SetItem("Team", "net"))).ToArray();
        Assert.Equal(Document(Members, retagged), Document((w, t, tags) => cache.Write(w, t, tags, w => Members(w, t, tags)), retagged));
    }
}
