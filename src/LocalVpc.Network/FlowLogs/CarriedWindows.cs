using LocalVpc.Network.Forwarding;

namespace LocalVpc.Network.FlowLogs;

/// <summary>
/// A carried connection cut into aggregation windows: each window's records hold only what the connection carried since
/// the last, from where the last ended. A window in which nothing moved leaves no record until the connection closes.
/// </summary>
public sealed class CarriedWindows(int sourcePort, int destinationPort, DateTimeOffset started, Func<FlowRecords.Carried, List<FlowRecord>> records)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _from = started;
    private long _sent, _received;
    private TcpSegments _segments;
    private bool _opened, _closed;

    /// <summary>
    /// The records of the window ending <paramref name="now"/>, given the connection's totals so far; the last when
    /// <paramref name="closes"/>. After the last, nothing.
    /// </summary>
    public List<FlowRecord> Next(DateTimeOffset now, long sent, long received, TcpSegments segments, bool closes, bool reset)
    {
        lock (_gate)
        {
            if (_closed) return [];
            // A socket closing under a tick reads no counts: never count back.
            segments = new TcpSegments(Math.Max(segments.Out, _segments.Out), Math.Max(segments.In, _segments.In));
            if (!closes && sent == _sent && received == _received)
            {
                // A quiet window is in no record: the next one starts here.
                _from = now;
                return [];
            }
            var window = new FlowRecords.Carried(sourcePort, destinationPort, _from, now, sent - _sent, received - _received, segments - _segments,
                Opens: !_opened, Closes: closes, Reset: reset);
            (_from, _sent, _received, _segments, _opened, _closed) = (now, sent, received, segments, true, closes);
            return records(window);
        }
    }
}
