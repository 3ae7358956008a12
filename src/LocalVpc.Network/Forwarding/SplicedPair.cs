using System.Runtime.InteropServices;
using Tmds.Linux;
using static Tmds.Linux.LibC;

namespace LocalVpc.Network.Forwarding;

/// <summary>A connection's two sockets while the splice engine carries it: one <see cref="SpliceDirection"/> each way.</summary>
internal sealed class SplicedPair
{
    private readonly TaskCompletionSource<(SpliceResult, long, long)> _completion;
    private readonly SafeHandle[] _held;
    private readonly SpliceDirection _sending;
    private readonly SpliceDirection _receiving;
    private readonly Action<SplicePipe> _recycle;

    public SplicedPair(Socket client, Socket upstream, SplicePipe sendingPipe, SplicePipe receivingPipe, SpliceCounters counters,
        Action<SplicePipe> recycle, bool resumeInline)
    {
        // A connection run by the loop goes on there when the pair ends; anyone else is resumed on the thread pool, off the loop.
        _completion = new(resumeInline ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
        // Held open until the pair ends, whoever else has the sockets: a descriptor must not be closed and reused under the loop.
        _held = [client.SafeHandle, upstream.SafeHandle];
        foreach (var handle in _held)
        {
            var added = false;
            handle.DangerousAddRef(ref added);
        }
        ClientFd = NonBlocking(client);
        UpstreamFd = NonBlocking(upstream);
        _sending = new SpliceDirection(ClientFd, UpstreamFd, sendingPipe, SpliceResult.ClientFailed, SpliceResult.UpstreamFailed, counters.AddSent);
        _receiving = new SpliceDirection(UpstreamFd, ClientFd, receivingPipe, SpliceResult.UpstreamFailed, SpliceResult.ClientFailed, counters.AddReceived);
        _recycle = recycle;
    }

    public int ClientFd { get; }

    public int UpstreamFd { get; }

    public CancellationTokenRegistration Cancellation { get; set; }

    public Task<(SpliceResult Result, long Sent, long Received)> Completion => _completion.Task;

    /// <summary>
    /// Moves what the kernel's report on one socket lets move; how the pair ended, once it has. A direction moves when
    /// its source has something new (readable, its peer's FIN), or when its destination has room again while bytes wait
    /// for it; a hang-up or an error moves both. Edge-triggered, each direction stopped at EAGAIN, so what it waits for
    /// is reported when it comes; moving it on any other report is a splice(2) that says EAGAIN again. (EPOLLOUT comes
    /// with every report on a socket that has room, so on its own it tells a direction waiting to read nothing.)
    /// </summary>
    public SpliceResult? Move(bool upstreamSide, int events)
    {
        var hangUp = (events & (EPOLLHUP | EPOLLERR)) != 0;
        var readable = hangUp || (events & (EPOLLIN | EPOLLRDHUP)) != 0;
        var writable = hangUp || (events & EPOLLOUT) != 0;
        var sending = upstreamSide ? writable && _sending.WaitsToWrite : readable;
        var receiving = upstreamSide ? readable : writable && _receiving.WaitsToWrite;
        // A failure on either side stops both, and names the side that failed first.
        if (((sending ? _sending.Move() : null) ?? (receiving ? _receiving.Move() : null)) is { } failure) return failure;
        return _sending.Ended && _receiving.Ended ? SpliceResult.Completed : null;
    }

    public void End(SpliceResult result)
    {
        Cancellation.Unregister();
        _recycle(_sending.Pipe);
        _recycle(_receiving.Pipe);
        foreach (var handle in _held) handle.DangerousRelease();
        _completion.TrySetResult((result, _sending.Total, _receiving.Total));
    }

    /// <summary>
    /// The socket's descriptor, made non-blocking if it is not yet (.NET makes it so once a socket has waited
    /// asynchronously, without saying so). One made non-blocking through .NET (a loop's) is not asked again.
    /// </summary>
    private static int NonBlocking(Socket socket)
    {
        var fd = (int)socket.SafeHandle.DangerousGetHandle();
        if (!socket.Blocking) return fd;
        var flags = fcntl(fd, F_GETFL);
        if (flags >= 0 && (flags & O_NONBLOCK) == 0) fcntl(fd, F_SETFL, flags | O_NONBLOCK);
        return fd;
    }
}

/// <summary>
/// One direction of a spliced connection: from a socket into a pipe, from the pipe into the other socket, the bytes
/// staying in the kernel. At the sender's end of stream, and once the pipe is empty, the half-close passes on.
/// </summary>
internal sealed unsafe class SpliceDirection(int from, int to, SplicePipe pipe, SpliceResult readFailure, SpliceResult writeFailure,
    Action<int> moved)
{
    private static readonly uint Flags = (uint)(SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
    private bool _endOfStream;

    public SplicePipe Pipe => pipe;

    /// <summary>Bytes delivered to the other socket.</summary>
    public long Total { get; private set; }

    /// <summary>The sender ended its stream and everything it sent was passed on.</summary>
    public bool Ended { get; private set; }

    /// <summary>Bytes in the pipe wait for room in the other socket.</summary>
    public bool WaitsToWrite => pipe.Pending > 0;

    /// <summary>Moves until a socket would block; the failure that stopped it, if one did.</summary>
    public SpliceResult? Move()
    {
        while (!Ended)
        {
            if (pipe.Pending > 0)
            {
                long written = splice(pipe.ReadEnd, null, to, null, (size_t)pipe.Pending, Flags);
                if (written > 0)
                {
                    pipe.Pending -= (int)written;
                    Total += written;
                    moved((int)written);
                    continue;
                }
                if (WouldBlock(out var interrupted)) return null;
                if (interrupted) continue;
                return writeFailure;
            }
            if (_endOfStream)
            {
                shutdown(to, SHUT_WR);
                Ended = true;
                return null;
            }
            long read = splice(from, null, pipe.WriteEnd, null, (size_t)SplicePipe.Capacity, Flags);
            if (read > 0) pipe.Pending += (int)read;
            else if (read == 0) _endOfStream = true;
            else if (WouldBlock(out var interrupted)) return null;
            else if (!interrupted) return readFailure;
        }
        return null;
    }

    private static bool WouldBlock(out bool interrupted)
    {
        var error = errno;
        interrupted = error == EINTR;
        return error == EAGAIN;
    }
}

/// <summary>A non-blocking pipe, the kernel buffer splice(2) moves a direction's bytes through.</summary>
internal sealed unsafe class SplicePipe : IDisposable
{
    /// <summary>Asked of the kernel for each pipe (the default is 64 KiB): as the copy loop's buffers, fewer calls per byte.</summary>
    public const int Capacity = 256 * 1024;

    private SplicePipe(int readEnd, int writeEnd) => (ReadEnd, WriteEnd) = (readEnd, writeEnd);

    public int ReadEnd { get; }

    public int WriteEnd { get; }

    /// <summary>Bytes in the pipe, not yet passed on.</summary>
    public int Pending { get; set; }

    public static bool TryCreate(out SplicePipe pipe)
    {
        var ends = stackalloc int[2];
        if (pipe2(ends, O_NONBLOCK | O_CLOEXEC) < 0)
        {
            pipe = null!;
            return false;
        }
        // Best effort: a pipe keeps its default size where the kernel refuses (fs.pipe-max-size).
        fcntl(ends[1], F_SETPIPE_SZ, Capacity);
        pipe = new SplicePipe(ends[0], ends[1]);
        return true;
    }

    public void Dispose()
    {
        close(ReadEnd);
        close(WriteEnd);
    }
}
