using System.Collections.Concurrent;

namespace LocalVpc.Network.FlowLogs;

/// <summary>
/// The connections the proxies carry now. At every aggregation tick each reports what it carried since its last report,
/// so a connection open for an hour shows in its flow logs within a minute, as on AWS. One timer for them all: a
/// connection costs an entry here, not a timer of its own.
/// </summary>
public sealed class OpenConnections(TimeProvider time, TimeSpan tick, Action<IReadOnlyList<FlowRecord>> deliver)
{
    private readonly ConcurrentDictionary<CarriedWindows, (SpliceCounters Counters, Socket Socket)> _open = new();

    /// <summary>Reports the connection at each tick until the registration is disposed (before its last window is taken).</summary>
    public IDisposable Track(CarriedWindows windows, SpliceCounters counters, Socket socket)
    {
        _open[windows] = (counters, socket);
        return new Registration(() => _open.TryRemove(windows, out _));
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                var now = time.GetUtcNow();
                foreach (var (windows, (counters, socket)) in _open)
                    deliver(windows.Next(now, counters.Sent, counters.Received, TcpSegments.Of(socket), closes: false, reset: false));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private sealed class Registration(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
