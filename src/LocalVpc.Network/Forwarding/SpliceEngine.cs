using System.Collections.Concurrent;
using Tmds.Linux;
using static Tmds.Linux.LibC;

namespace LocalVpc.Network.Forwarding;

/// <summary>
/// The data plane's own I/O engine on Linux. Once a connection's handshake is done and neither leg speaks TLS, its
/// bytes move between the two sockets through a pipe with splice(2), so they are never copied into the process, on
/// threads of the engine's own, each waiting in its own epoll (as HAProxy's threads do): the thread pool that serves
/// the API does not carry them.
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
    public Task<(SpliceResult Result, long Sent, long Received)> RunAsync(Socket client, Socket upstream, SpliceCounters counters,
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
        var pair = new SplicedPair(client, upstream, sending, receiving, counters, Recycle);
        _loops[(int)((uint)Interlocked.Increment(ref _next) % _loops.Length)].Add(pair, cancellationToken);
        return pair.Completion;
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

/// <summary>One thread and its epoll: the connections it carries are touched by this thread only, once added.</summary>
internal sealed unsafe class SpliceLoop : IDisposable
{
    private const ulong WakeId = 0;
    private readonly int _epoll;
    private readonly int _wake;
    private readonly ConcurrentDictionary<ulong, SplicedPair> _pairs = new();
    private readonly ConcurrentQueue<ulong> _cancelled = new();
    private readonly Thread _thread;
    private ulong _nextId;
    private volatile bool _stopping;

    public SpliceLoop(int index)
    {
        _epoll = epoll_create1(EPOLL_CLOEXEC);
        _wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (_epoll < 0 || _wake < 0) throw new IOException($"epoll for the splice engine: errno {errno}");
        Watch(_wake, WakeId, EPOLLIN);
        _thread = new Thread(Run) { IsBackground = true, Name = $"localvpc-splice-{index}" };
        _thread.Start();
    }

    public void Add(SplicedPair pair, CancellationToken cancellationToken)
    {
        if (_stopping)
        {
            pair.End(SpliceResult.Canceled);
            return;
        }
        var id = Interlocked.Increment(ref _nextId);
        _pairs[id] = pair;
        // Edge-triggered: the kernel reports readiness once per change, and at once for what is ready when added, so
        // the loop runs the pair as soon as either side can move; it always moves until the kernel says EAGAIN.
        var events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
        try
        {
            Watch(pair.ClientFd, id, events);
            Watch(pair.UpstreamFd, id, events);
        }
        catch (IOException)
        {
            if (_pairs.TryRemove(id, out _)) Forget(pair, SpliceResult.Canceled);
            throw;
        }
        if (cancellationToken.CanBeCanceled) pair.Cancellation = cancellationToken.Register(() => Wake(id));
    }

    private void Watch(int fd, ulong id, int events)
    {
        var watched = new epoll_event { events = events, data = new epoll_data_t { u64 = id } };
        if (epoll_ctl(_epoll, EPOLL_CTL_ADD, fd, &watched) < 0) throw new IOException($"epoll_ctl: errno {errno}");
    }

    private void Wake(ulong cancelled)
    {
        _cancelled.Enqueue(cancelled);
        ulong one = 1;
        write(_wake, &one, sizeof(ulong));
    }

    private void Run()
    {
        const int Batch = 256;
        var events = stackalloc epoll_event[Batch];
        while (true)
        {
            var ready = epoll_wait(_epoll, events, Batch, -1);
            if (ready < 0)
            {
                if (errno == EINTR) continue;
                // Cannot happen with a valid epoll; if it does, no pair is left waiting for a loop that is gone.
                _stopping = true;
                foreach (var (key, pair) in _pairs) End(key, pair, SpliceResult.Canceled);
                return;
            }
            for (var i = 0; i < ready; i++)
            {
                var id = events[i].data.u64;
                if (id == WakeId)
                {
                    ulong count;
                    read(_wake, &count, sizeof(ulong));
                    while (_cancelled.TryDequeue(out var cancelled))
                        if (_pairs.TryGetValue(cancelled, out var pair)) End(cancelled, pair, SpliceResult.Canceled);
                    if (_stopping)
                    {
                        foreach (var (key, pair) in _pairs) End(key, pair, SpliceResult.Canceled);
                        return;
                    }
                }
                else if (_pairs.TryGetValue(id, out var pair) && pair.Move() is { } result)
                {
                    End(id, pair, result);
                }
            }
        }
    }

    private void End(ulong id, SplicedPair pair, SpliceResult result)
    {
        if (_pairs.TryRemove(id, out _)) Forget(pair, result);
    }

    private void Forget(SplicedPair pair, SpliceResult result)
    {
        // Out of the epoll before the caller closes the sockets, so a reused descriptor never reaches this pair.
        epoll_ctl(_epoll, EPOLL_CTL_DEL, pair.ClientFd, null);
        epoll_ctl(_epoll, EPOLL_CTL_DEL, pair.UpstreamFd, null);
        pair.End(result);
    }

    public void Dispose()
    {
        _stopping = true;
        Wake(WakeId);
        _thread.Join();
        close(_epoll);
        close(_wake);
    }
}
