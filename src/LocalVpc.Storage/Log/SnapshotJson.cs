using System.Runtime.InteropServices;
using System.Text.Json;
using LocalVpc.Core.Events;
using LocalVpc.Core.Resources;
using LocalVpc.Core.State;

namespace LocalVpc.Storage;

/// <summary>
/// Writes one account's snapshot record, the same bytes as <see cref="EventJson.Serialize(IEnumerable{Event})"/>, into a
/// stream a resource at a time (a snapshot is megabytes: as one array or string it landed on the large object heap),
/// keeping each resource's event as it was written until the resource changes. A snapshot rewrites the whole account,
/// and between two of them only what changed is new: a resource is an immutable record, so the same object has the same
/// JSON. Serialising every resource anew was the largest cost of a create (about 50 µs of 330 in a profile, eight
/// resources' JSON a create with snapshots spaced by an eighth of the account). The price is memory: the account's JSON
/// stays between snapshots (48 MB at 100,000 resources; the working set after filling that many grew by 36 MB).
/// Used by one snapshot at a time.
/// </summary>
public sealed class SnapshotJson
{
    /// <summary>The record's opening, as <see cref="EventJson"/> writes its version and events.</summary>
    private static readonly byte[] Start = System.Text.Encoding.UTF8.GetBytes($"{{\"version\":{EventJson.Version},\"events\":[");

    /// <summary>Each resource's <c>put</c> event as a snapshot wrote it, by the record itself, with the last snapshot that held it.</summary>
    private readonly Dictionary<Resource, (byte[] Json, int Snapshot)> _written = new(ReferenceEqualityComparer.Instance);
    private int _snapshots;

    public void Write(Stream utf8, AccountState state)
    {
        var snapshot = ++_snapshots;
        var held = 0;
        utf8.Write(Start);
        var first = true;
        foreach (var change in state.ToEvents())
        {
            if (!first) utf8.WriteByte((byte)',');
            first = false;
            if (change is not ResourcePut put)
            {
                utf8.Write(JsonSerializer.SerializeToUtf8Bytes(change, EventJson.Options));
                continue;
            }
            // One lookup, in place: the table is as large as the account, and a new one each snapshot cost more than it saved.
            ref var written = ref CollectionsMarshal.GetValueRefOrAddDefault(_written, put.Resource, out var exists);
            written = (exists ? written.Json : JsonSerializer.SerializeToUtf8Bytes<Event>(put, EventJson.Options), snapshot);
            held++;
            utf8.Write(written.Json);
        }
        utf8.Write("]}"u8);
        // Only what this snapshot holds is kept: removed and replaced resources go.
        if (_written.Count == held) return;
        foreach (var (resource, written) in _written)
            if (written.Snapshot != snapshot) _written.Remove(resource);
    }
}
