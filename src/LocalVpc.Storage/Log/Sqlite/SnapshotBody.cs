using System.Buffers.Binary;
using System.IO.Compression;

namespace LocalVpc.Storage.Sqlite;

/// <summary>
/// How a snapshot's JSON is stored: gzip-compressed. A large account's snapshot is megabytes (48 MB of JSON for 100,000
/// resources, 7.6 MB compressed), and storing it holds the log's writer, and every commit behind it, for as long as
/// SQLite takes to write it. Snapshots from before compression are plain JSON, told apart by gzip's magic bytes. To read
/// one: <c>sqlite3 state.db "SELECT writefile('snapshot.json.gz', body) FROM snapshots LIMIT 1"</c>, then gunzip it.
/// </summary>
internal static class SnapshotBody
{
    /// <summary>A stream that compresses what is written to it into <paramref name="body"/> (left open); dispose it to finish.</summary>
    public static Stream Compressing(Stream body) => new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true);

    /// <summary>The JSON of a stored snapshot, compressed or (written before compression) not.</summary>
    public static byte[] Json(byte[] body)
    {
        if (body is not [0x1f, 0x8b, ..]) return body;
        // gzip's trailer holds the size of what it compressed (modulo 4 GiB): a hint, so the JSON is read into one array.
        var size = body.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(^4)) : 0;
        using var json = new MemoryStream((int)Math.Min(Math.Min(size, (ulong)body.Length * 64), (ulong)Array.MaxLength));
        using (var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress)) gzip.CopyTo(json);
        return json.Length == json.Capacity ? json.GetBuffer() : json.ToArray();
    }
}
