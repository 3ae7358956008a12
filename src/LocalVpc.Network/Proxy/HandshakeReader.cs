namespace LocalVpc.Network.Proxy;

/// <summary>
/// Reads a proxy handshake with as few system calls as the client allows: each refill takes whatever has arrived, so a
/// greeting and request sent together cost one read, not one per field. What is left over after the handshake belongs
/// to the destination.
/// </summary>
internal sealed class HandshakeReader(Stream stream)
{
    /// <summary>The most a SOCKS5 greeting (2 + 255) or request (4 + 1 + 255 + 2) takes, with room for both.</summary>
    private readonly byte[] _buffer = new byte[1024];
    private int _start;
    private int _end;

    /// <summary>The first byte, once <see cref="ReadFirstAsync"/> has read it.</summary>
    public byte First => _buffer[0];

    /// <summary>Bytes received and not yet read.</summary>
    public int Buffered => _end - _start;

    /// <summary>The bytes received beyond the handshake.</summary>
    public ReadOnlyMemory<byte> Leftover => _buffer.AsMemory(_start, _end - _start).ToArray();

    /// <summary>Fills <paramref name="destination"/>, or throws <see cref="EndOfStreamException"/> when the client stops first.</summary>
    public async ValueTask ReadExactlyAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (Buffered < destination.Length)
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                (_end, _start) = (_end - _start, 0);
            }
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0) throw new EndOfStreamException("the client closed the connection during the handshake");
            _end += read;
        }
        _buffer.AsMemory(_start, destination.Length).CopyTo(destination);
        _start += destination.Length;
    }

    /// <summary>One byte, or -1 when the client closed before sending any.</summary>
    public async ValueTask<int> ReadFirstAsync(CancellationToken cancellationToken)
    {
        var read = await stream.ReadAsync(_buffer, cancellationToken);
        if (read == 0) return -1;
        (_start, _end) = (1, read);
        return _buffer[0];
    }
}
