using System.Collections.Concurrent;

namespace LocalVpc.Network.Forwarding;

/// <summary>
/// The data plane's own I/O engine on Linux: threads of its own, each waiting in its own epoll (as HAProxy's threads
/// do), so the thread pool that serves the API carries no connection. A loop accepts a connection on an instance's
/// proxy port and runs it there: the handshake, the decision, the connect upstream. Once that is done and neither leg
/// speaks TLS, its bytes move between the two sockets through a pipe with splice(2), never copied into the process.
/// </summary>
public sealed class SpliceEngine : IDisposable
{
    /// <summary>Emptied pipes kept for the next connections at most (two a connection).</summary>
    private const int MaxPooledPipes = 256;

    private readonly SpliceLoop[] _loops;
    private readonly ConcurrentBag<SplicePipe> _pipes = [];
    // Counted apart: ConcurrentBag's Count locks every thread's list, too much for each connection's end.
    private int _pooled;
    private int _next;

    private SpliceEngine(SpliceLoop[] loops) => _loops = loops;

    /// <summary>An engine with <paramref name="threads"/> loops; null where the kernel offers no epoll or splice (not Linux).</summary>
    public static SpliceEngine? TryStart(int threads)
    {
        if (!OperatingSystem.IsLinux() || !SplicePipe.TryCreate(out var probe)) return null;
        probe.Dispose();
        var loops = new SpliceLoop[Math.Max(1, threads)];
        for (var i = 0; i < loops.Length; i++) loops[i] = new SpliceLoop(i);
        return new SpliceEngine(loops);
    }

    /// <summary>
    /// Moves bytes both ways until both sides have ended their sending half (each end passed on as a half-close), one
    /// side fails, or <paramref name="cancellationToken"/> fires. The sockets stay open: the caller closes them.
    /// </summary>
    public Task<(SpliceResult Result, long Sent, long Received)> RunAsync(Leg client, Leg upstream, SpliceCounters counters,
        CancellationToken cancellationToken)
    {
        var sending = TakePipe();
        SplicePipe receiving;
        try
        {
            receiving = TakePipe();
        }
        catch (IOException)
        {
            sending.Dispose();
            throw;
        }
        // A connection a loop runs is spliced by the same loop, and resumed by it inline when the pair ends.
        var current = Array.Find(_loops, l => l.IsCurrent);
        var loop = current ?? _loops[(int)((uint)Interlocked.Increment(ref _next) % _loops.Length)];
        // A loop's streams let go of their sockets; on the loop that carries the pair, their registrations become its own.
        var clientWatched = client.Stream is LoopStream clientStream && clientStream.HandOver(loop);
        var upstreamWatched = upstream.Stream is LoopStream upstreamStream && upstreamStream.HandOver(loop);
        var pair = new SplicedPair(client.Socket, upstream.Socket, sending, receiving, counters, Recycle, resumeInline: current is not null);
        loop.Add(pair, cancellationToken, clientWatched, upstreamWatched);
        return pair.Completion;
    }

    /// <summary>
    /// Accepts connections on <paramref name="listener"/> in every loop: each goes to <paramref name="accepted"/> on the
    /// loop that took it, with that loop as its transport. Disposing the result stops accepting; the listener stays open.
    /// </summary>
    public IDisposable Listen(Socket listener, Action<Socket, SocketTransport> accepted) => Share(listener, new Acceptor(listener, accepted));

    /// <summary>
    /// Reads datagrams arriving on <paramref name="socket"/> in every loop, each handed with its sender's address to
    /// <paramref name="received"/> on the loop that read it. Disposing the result stops; the socket stays open.
    /// </summary>
    public IDisposable Receive(Socket socket, Action<byte[], SocketAddress> received) => Share(socket, new DatagramReceiver(socket, received));

    private IDisposable Share(Socket socket, SharedSocket shared)
    {
        socket.Blocking = false;
        var ids = Array.ConvertAll(_loops, loop => loop.Watch(shared));
        return new Registration(() =>
        {
            for (var i = 0; i < _loops.Length; i++) _loops[i].Unwatch(shared.Fd, ids[i]);
        });
    }

    /// <summary>Stops, once, what <see cref="Share"/> started.</summary>
    private sealed class Registration(Action stop) : IDisposable
    {
        private int _stopped;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 0) stop();
        }
    }

    private SplicePipe TakePipe()
    {
        if (_pipes.TryTake(out var pipe))
        {
            Interlocked.Decrement(ref _pooled);
            return pipe;
        }
        return SplicePipe.TryCreate(out pipe) ? pipe : throw new IOException("no pipe for splice(2): the process is out of file descriptors");
    }

    /// <summary>An emptied pipe serves the next connection; one with bytes stranded in it (a failed side) is closed.</summary>
    private void Recycle(SplicePipe pipe)
    {
        if (pipe.Pending == 0)
        {
            if (Interlocked.Increment(ref _pooled) <= MaxPooledPipes)
            {
                _pipes.Add(pipe);
                return;
            }
            Interlocked.Decrement(ref _pooled);
        }
        pipe.Dispose();
    }

    public void Dispose()
    {
        foreach (var loop in _loops) loop.Dispose();
        while (_pipes.TryTake(out var pipe)) pipe.Dispose();
    }
}

