using System.Collections.Concurrent;
using Tmds.Linux;
using static Tmds.Linux.LibC;

namespace LocalVpc.Network.Forwarding;

/// <summary>
/// One thread and its epoll. It accepts on the listeners it shares with the other loops, runs each connection it accepted
/// (handshake, decision, connect) on its own thread, and carries spliced pairs. What the kernel reports resumes the
/// code waiting for it inline, on this thread; code resumed elsewhere (a timeout) comes back through <see cref="Enter"/>
/// before it touches a socket again. No synchronisation context: .NET would not inline continuations under one.
/// </summary>
internal sealed class SpliceLoop : SocketTransport, IDisposable
{
    private const ulong WakeId = 0;
    /// <summary>
    /// In what epoll reports, the low bit of a pair's registration: set for its upstream socket, clear for its client.
    /// Every id is even, so the bit is free.
    /// </summary>
    private const ulong UpstreamSide = 1;
    private readonly int _epoll;
    private readonly int _wake;
    /// <summary>What each registration is: a <see cref="SplicedPair"/>, a <see cref="LoopStream"/> or a <see cref="SharedSocket"/>.</summary>
    private readonly ConcurrentDictionary<ulong, object> _watched = new();
    private readonly ConcurrentQueue<ulong> _cancelled = new();
    private readonly ConcurrentQueue<Action> _posted = new();
    private readonly Thread _thread;
    private ulong _nextId;
    /// <summary>1 while a wake-up is on its way to the loop, so posts in a burst write the eventfd once.</summary>
    private int _waking;
    private volatile bool _stopping;

    public SpliceLoop(int index)
    {
        _epoll = epoll_create1(EPOLL_CLOEXEC);
        _wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (_epoll < 0 || _wake < 0) throw new IOException($"epoll for the splice engine: errno {errno}");
        Watch(_wake, WakeId, EPOLLIN, EPOLL_CTL_ADD);
        _thread = new Thread(Run) { IsBackground = true, Name = $"localvpc-splice-{index}" };
        _thread.Start();
    }

    /// <summary>Whether the caller runs on this loop's thread.</summary>
    public bool IsCurrent => Thread.CurrentThread == _thread;

    /// <summary>
    /// Carries <paramref name="pair"/>. A socket this loop watches already (<paramref name="clientWatched"/>,
    /// <paramref name="upstreamWatched"/>: a stream handed it over) keeps its registration, pointed at the pair.
    /// </summary>
    public void Add(SplicedPair pair, CancellationToken cancellationToken, bool clientWatched = false, bool upstreamWatched = false)
    {
        if (_stopping)
        {
            pair.End(SpliceResult.Canceled);
            return;
        }
        var id = NextId();
        _watched[id] = pair;
        // Edge-triggered: the kernel reports readiness once per change, and at once for what is ready when added (or
        // modified), so the loop runs the pair as soon as either side can move; it always moves until the kernel says EAGAIN.
        var events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
        try
        {
            Watch(pair.ClientFd, id, events, clientWatched ? EPOLL_CTL_MOD : EPOLL_CTL_ADD);
            Watch(pair.UpstreamFd, id | UpstreamSide, events, upstreamWatched ? EPOLL_CTL_MOD : EPOLL_CTL_ADD);
        }
        catch (IOException)
        {
            if (_watched.TryRemove(id, out _)) Forget(pair, SpliceResult.Canceled);
            throw;
        }
        if (cancellationToken.CanBeCanceled) pair.Cancellation = cancellationToken.Register(() => Wake(id));
    }

    /// <summary>Watches a connection's socket for <paramref name="stream"/>, edge-triggered both ways; its id, for <see cref="Unwatch"/>.</summary>
    public ulong Watch(int fd, LoopStream stream) => Register(stream, fd, EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET);

    /// <summary>Takes turns with the other loops on <paramref name="shared"/>: level-triggered and exclusive.</summary>
    public ulong Watch(SharedSocket shared) => Register(shared, shared.Fd, EPOLLIN | EPOLLEXCLUSIVE);

    private ulong NextId() => Interlocked.Add(ref _nextId, 2);

    private ulong Register(object watcher, int fd, int events)
    {
        var id = NextId();
        _watched[id] = watcher;
        try
        {
            Watch(fd, id, events, EPOLL_CTL_ADD);
        }
        catch (IOException)
        {
            _watched.TryRemove(id, out _);
            throw;
        }
        return id;
    }

    /// <summary>Stops watching a socket (from any thread): out of the epoll before its descriptor is closed and reused.</summary>
    public unsafe void Unwatch(int fd, ulong id)
    {
        if (_watched.TryRemove(id, out _)) epoll_ctl(_epoll, EPOLL_CTL_DEL, fd, null);
    }

    /// <summary>
    /// Forgets a stream's registration but leaves its socket in the epoll, for a pair on this loop to take over (on
    /// the loop's thread: what epoll still reports for the old id finds nothing and is dropped).
    /// </summary>
    public void HandOver(ulong id) => _watched.TryRemove(id, out _);

    private unsafe void Watch(int fd, ulong id, int events, int operation)
    {
        var watched = new epoll_event { events = events, data = new epoll_data_t { u64 = id } };
        if (epoll_ctl(_epoll, operation, fd, &watched) < 0) throw new IOException($"epoll_ctl: errno {errno}");
    }

    private void Wake(ulong cancelled)
    {
        _cancelled.Enqueue(cancelled);
        Signal();
    }

    /// <summary>Runs <paramref name="continuation"/> on the loop's thread, after what it is doing now.</summary>
    public void Post(Action continuation)
    {
        _posted.Enqueue(continuation);
        // The loop's own posts run before it waits again; another thread's wake it, once for a burst.
        if (IsCurrent || Interlocked.Exchange(ref _waking, 1) == 1) return;
        Signal();
    }

    /// <summary>Wakes the loop from its epoll_wait.</summary>
    private unsafe void Signal()
    {
        ulong one = 1;
        write(_wake, &one, sizeof(ulong));
    }

    /// <summary>Resumes the caller on the loop's thread (at once when it is there already).</summary>
    public LoopEntry Enter() => new(this);

    // A connection's own transport: its sockets wait in this loop.
    public override Leg Open(Socket connected) => new(connected, new LoopStream(this, connected));

    public override async ValueTask<Leg> ConnectAsync(Socket socket, IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        await Enter();
        socket.Blocking = false;
        // connect(2) itself: .NET's Connect reports a connection under way as an exception, once for every connection.
        var error = StartConnect(socket, endPoint);
        if (error != 0 && error != EINPROGRESS) throw new SocketException((int)ConnectFailure(error));
        var stream = new LoopStream(this, socket);
        try
        {
            await stream.WaitAsync(write: true, cancellationToken);
            if (socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error) is int failed and not 0)
                throw new SocketException(failed);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        return new Leg(socket, stream);
    }

    /// <summary>Starts connecting a non-blocking socket; 0, or the errno (EINPROGRESS while under way).</summary>
    private static unsafe int StartConnect(Socket socket, IPEndPoint endPoint)
    {
        // On Linux a SocketAddress's bytes are the kernel's sockaddr.
        var address = endPoint.Serialize();
        fixed (byte* bytes = address.Buffer.Span)
        {
            return connect((int)socket.SafeHandle.DangerousGetHandle(), (sockaddr*)bytes, (socklen_t)address.Size) == 0 ? 0 : errno;
        }
    }

    /// <summary>What .NET calls a connect(2) that failed at once (a refusal on loopback is reported later, through SO_ERROR).</summary>
    private static SocketError ConnectFailure(int errno) =>
        errno == ECONNREFUSED ? SocketError.ConnectionRefused
        : errno == ENETUNREACH ? SocketError.NetworkUnreachable
        : errno == EHOSTUNREACH ? SocketError.HostUnreachable
        : errno == ETIMEDOUT ? SocketError.TimedOut
        : errno == EADDRNOTAVAIL ? SocketError.AddressNotAvailable
        : errno == EACCES || errno == EPERM ? SocketError.AccessDenied
        : SocketError.SocketError;

    private unsafe void Run()
    {
        const int Batch = 256;
        var events = stackalloc epoll_event[Batch];
        while (true)
        {
            RunPosted();
            var ready = epoll_wait(_epoll, events, Batch, _posted.IsEmpty ? -1 : 0);
            if (ready < 0)
            {
                if (errno == EINTR) continue;
                // Cannot happen with a valid epoll; if it does, no pair is left waiting for a loop that is gone.
                _stopping = true;
                EndAll();
                return;
            }
            for (var i = 0; i < ready; i++)
            {
                var id = events[i].data.u64 & ~UpstreamSide;
                if (id == WakeId)
                {
                    ulong count;
                    read(_wake, &count, sizeof(ulong));
                    Volatile.Write(ref _waking, 0);
                    while (_cancelled.TryDequeue(out var cancelled))
                        if (_watched.TryGetValue(cancelled, out var watched) && watched is SplicedPair pair) End(cancelled, pair, SpliceResult.Canceled);
                    if (_stopping)
                    {
                        EndAll();
                        return;
                    }
                    continue;
                }
                switch (_watched.GetValueOrDefault(id))
                {
                    case SplicedPair pair when pair.Move((events[i].data.u64 & UpstreamSide) != 0, events[i].events) is { } result:
                        End(id, pair, result);
                        break;
                    case LoopStream stream:
                        stream.OnEvents(events[i].events);
                        break;
                    case SharedSocket shared:
                        shared.OnReadable(this);
                        break;
                }
            }
        }
    }

    private void RunPosted()
    {
        while (_posted.TryDequeue(out var continuation))
        {
            try
            {
                continuation();
            }
            catch (Exception e)
            {
                // What the thread pool would do with an exception nobody caught: the process ends, loudly.
                Environment.FailFast("an exception escaped work on a splice loop", e);
            }
        }
    }

    private void EndAll()
    {
        foreach (var (key, watched) in _watched)
            if (watched is SplicedPair pair) End(key, pair, SpliceResult.Canceled);
    }

    private void End(ulong id, SplicedPair pair, SpliceResult result)
    {
        if (_watched.TryRemove(id, out _)) Forget(pair, result);
    }

    private unsafe void Forget(SplicedPair pair, SpliceResult result)
    {
        // Out of the epoll before the caller closes the sockets, so a reused descriptor never reaches this pair.
        epoll_ctl(_epoll, EPOLL_CTL_DEL, pair.ClientFd, null);
        epoll_ctl(_epoll, EPOLL_CTL_DEL, pair.UpstreamFd, null);
        pair.End(result);
    }

    public unsafe void Dispose()
    {
        _stopping = true;
        Wake(WakeId);
        _thread.Join();
        close(_epoll);
        close(_wake);
    }
}

/// <summary>Awaited, resumes on its loop's thread.</summary>
internal readonly struct LoopEntry(SpliceLoop loop) : System.Runtime.CompilerServices.INotifyCompletion
{
    public LoopEntry GetAwaiter() => this;

    public bool IsCompleted => loop.IsCurrent;

    public void OnCompleted(Action continuation) => loop.Post(continuation);

    public void GetResult() { }
}
