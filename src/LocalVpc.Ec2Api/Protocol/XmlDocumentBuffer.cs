using System.Buffers;
using Microsoft.IO;

namespace LocalVpc.Ec2Api.Protocol;

/// <summary>
/// A response document in pooled blocks: a listing of 1,000 endpoints is 1.3 MB, which as one growing array was
/// copied at every doubling and left on the large object heap for a full collection to find. Dispose returns the blocks.
/// </summary>
public sealed class XmlDocumentBuffer : IDisposable
{
    private static readonly RecyclableMemoryStreamManager Blocks = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 64 * 1024,
        // What the pool keeps between requests at most (a dozen listings of 1,000 endpoints); a larger burst is left to the GC.
        MaximumSmallPoolFreeBytes = 16 * 1024 * 1024,
        // Large buffers are made only for one contiguous array, which a document never needs: it is sent block by block.
        MaximumLargePoolFreeBytes = 4 * 1024 * 1024,
    });

    // With an id given: the stream would otherwise draw a random Guid for one, a read of /dev/urandom for every reply.
    private readonly RecyclableMemoryStream _stream = Blocks.GetStream(Guid.Empty, "xml-response");

    /// <summary>Where the document is written.</summary>
    public Stream Stream => _stream;

    public long Length => _stream.Length;

    /// <summary>The document's bytes, block by block, without copying them.</summary>
    public ReadOnlySequence<byte> Bytes => _stream.GetReadOnlySequence();

    /// <summary>Writes the document to <paramref name="destination"/> block by block.</summary>
    public async Task CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        foreach (var block in Bytes) await destination.WriteAsync(block, cancellationToken);
    }

    public void Dispose() => _stream.Dispose();
}
