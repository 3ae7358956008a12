using static Tmds.Linux.LibC;

namespace LocalVpc.Network.Forwarding;

/// <summary>
/// A connected socket's bytes on a splice loop: reads and writes never block, and one that would waits for the loop's
/// epoll to report the socket ready, then resumes on the loop's thread. No thread-pool hop is in a connection's path.
/// </summary>
internal sealed class LoopStream : Stream
{
    private static readonly int ReadReady = EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR;
    private static readonly int WriteReady = EPOLLOUT | EPOLLHUP | EPOLLERR;

    private readonly SpliceLoop _loop;
    private readonly Socket _socket;
    private readonly int _fd;
    private readonly ulong _id;
    private TaskCompletionSource? _readable;
    private TaskCompletionSource? _writable;
    private int _detached;

    public LoopStream(SpliceLoop loop, Socket socket)
    {
        _loop = loop;
        _socket = socket;
        socket.Blocking = false;
        _fd = (int)socket.SafeHandle.DangerousGetHandle();
        _id = loop.Watch(_fd, this);
    }

    /// <summary>Called by the loop with what the kernel reported: resumes a read or write waiting for it.</summary>
    public void OnEvents(int events)
    {
        if ((events & ReadReady) != 0) Release(ref _readable);
        if ((events & WriteReady) != 0) Release(ref _writable);
    }

    private static void Release(ref TaskCompletionSource? waiting) => Interlocked.Exchange(ref waiting, null)?.TrySetResult();

    /// <summary>Lets go of the socket: the loop stops watching it for this stream.</summary>
    public void Detach()
    {
        if (Interlocked.Exchange(ref _detached, 1) == 0) _loop.Unwatch(_fd, _id);
    }

    /// <summary>
    /// Hands the socket over to a pair that <paramref name="loop"/> will carry. On this stream's own loop the socket stays
    /// in its epoll for the pair to take over (true); elsewhere the stream lets go of it (false).
    /// </summary>
    public bool HandOver(SpliceLoop loop)
    {
        if (loop != _loop || !_loop.IsCurrent)
        {
            Detach();
            return false;
        }
        if (Interlocked.Exchange(ref _detached, 1) != 0) return false;
        _loop.HandOver(_id);
        return true;
    }

    /// <summary>Waits, on the loop's thread, until the kernel reports the socket readable (or writable) again.</summary>
    public async Task WaitAsync(bool write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Resumed inline by the loop, which is the thread this wait started on.
        var waiting = new TaskCompletionSource();
        if (write) _writable = waiting;
        else _readable = waiting;
        using var cancel = cancellationToken.UnsafeRegister(static (state, token) => ((TaskCompletionSource)state!).TrySetCanceled(token), waiting);
        await waiting.Task;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _loop.Enter();
        while (true)
        {
            var read = _socket.Receive(buffer.Span, SocketFlags.None, out var error);
            if (error == SocketError.Success) return read;
            if (error != SocketError.WouldBlock) throw Failed("read data from", error);
            await WaitAsync(write: false, cancellationToken);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _loop.Enter();
        while (!buffer.IsEmpty)
        {
            var written = _socket.Send(buffer.Span, SocketFlags.None, out var error);
            if (error == SocketError.Success) buffer = buffer[written..];
            else if (error != SocketError.WouldBlock) throw Failed("write data to", error);
            else await WaitAsync(write: true, cancellationToken);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>As <see cref="NetworkStream"/> reports a socket's failure, so callers tell them apart the same way.</summary>
    private static IOException Failed(string what, SocketError error) =>
        new($"Unable to {what} the transport connection: {error}.", new SocketException((int)error));

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override void Flush() { }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Everything on a loop is asynchronous: a blocking call would stop every connection on its thread.
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("a loop's stream is read asynchronously");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("a loop's stream is written asynchronously");

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Detach();
        // As a disposed socket aborts what waits on it: nothing is left waiting for a loop that no longer watches the socket.
        var closed = new ObjectDisposedException(nameof(LoopStream));
        Interlocked.Exchange(ref _readable, null)?.TrySetException(closed);
        Interlocked.Exchange(ref _writable, null)?.TrySetException(closed);
        base.Dispose(disposing);
    }
}
