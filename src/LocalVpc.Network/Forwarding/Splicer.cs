using System.Buffers;

namespace LocalVpc.Network.Forwarding;

/// <summary>
/// Moves bytes both ways between a client and its destination until both are done, passing each side's end of
/// stream on as a half-close (TCP's FIN), as a router would.
/// </summary>
public static class Splicer
{
    /// <summary>The buffer per direction. Defaults to 128 KiB: on loopback, larger reads mean fewer system calls per byte.</summary>
    public const int BufferSize = 128 * 1024;

    /// <summary>
    /// Runs until both directions end; then closes both legs (with RST when one failed). Also says how many segments the
    /// client's socket carried each way, read just before it closes. Plain legs go through <paramref name="engine"/>
    /// when there is one (splice(2)); TLS, whose bytes the process must see, through the copy loop.
    /// </summary>
    public static async Task<(SpliceResult Result, long Sent, long Received, TcpSegments ClientSegments)> RunAsync(Leg client, Leg upstream,
        CancellationToken cancellationToken, SpliceCounters? counters = null, SpliceEngine? engine = null)
    {
        counters ??= new SpliceCounters();
        var (result, sent, received) = engine is not null && Plain(client) && Plain(upstream)
            ? await engine.RunAsync(client, upstream, counters, cancellationToken).ConfigureAwait(false)
            : await CopyAsync(client, upstream, counters, cancellationToken).ConfigureAwait(false);
        var segments = TcpSegments.Of(client.Socket);
        client.Close(abort: result != SpliceResult.Completed);
        upstream.Close(abort: result != SpliceResult.Completed);
        return (result, sent, received, segments);
    }

    /// <summary>Whether a leg's bytes are the socket's own (no TLS), so the engine can splice them.</summary>
    private static bool Plain(Leg leg) => leg.Stream is NetworkStream or LoopStream;

    /// <summary>Both directions through the process's buffers: read, then write, each way.</summary>
    private static async Task<(SpliceResult, long, long)> CopyAsync(Leg client, Leg upstream, SpliceCounters counters, CancellationToken cancellationToken)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sending = PumpAsync(client, upstream, SpliceResult.ClientFailed, SpliceResult.UpstreamFailed, abort, counters.AddSent);
        var receiving = PumpAsync(upstream, client, SpliceResult.UpstreamFailed, SpliceResult.ClientFailed, abort, counters.AddReceived);
        var (sentResult, sent) = await sending.ConfigureAwait(false);
        var (receivedResult, received) = await receiving.ConfigureAwait(false);
        // The direction that failed first names the cause; the other one was only stopped because of it.
        var result = new[] { sentResult, receivedResult }.FirstOrDefault(r => r is SpliceResult.ClientFailed or SpliceResult.UpstreamFailed,
            sentResult == SpliceResult.Completed ? receivedResult : sentResult);
        return (result, sent, received);
    }

    private static async Task<(SpliceResult, long)> PumpAsync(Leg from, Leg to, SpliceResult readFailure, SpliceResult writeFailure,
        CancellationTokenSource abort, Action<int> moved)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long total = 0;
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await from.Stream.ReadAsync(buffer, abort.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (Expected(e))
                {
                    return (Fail(abort, e, readFailure), total);
                }
                if (read == 0) break;
                try
                {
                    await to.Stream.WriteAsync(buffer.AsMemory(0, read), abort.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (Expected(e))
                {
                    return (Fail(abort, e, writeFailure), total);
                }
                total += read;
                moved(read);
            }
            await to.CloseSendingAsync().ConfigureAwait(false);
            return (SpliceResult.Completed, total);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>One direction failed: the other cannot finish cleanly either, so stop it too.</summary>
    private static SpliceResult Fail(CancellationTokenSource abort, Exception e, SpliceResult result)
    {
        if (e is OperationCanceledException) return SpliceResult.Canceled;
        abort.Cancel();
        return result;
    }

    private static bool Expected(Exception e) =>
        e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or System.Security.Authentication.AuthenticationException;
}

/// <summary>What a splice has moved so far each way, readable while it runs (flow logs' aggregation windows read it).</summary>
public sealed class SpliceCounters
{
    private long _sent, _received;

    /// <summary>Bytes from the client to its destination.</summary>
    public long Sent => Volatile.Read(ref _sent);

    /// <summary>Bytes from the destination to the client.</summary>
    public long Received => Volatile.Read(ref _received);

    internal void AddSent(int bytes) => Interlocked.Add(ref _sent, bytes);

    internal void AddReceived(int bytes) => Interlocked.Add(ref _received, bytes);
}
