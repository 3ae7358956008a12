namespace LocalVpc.Network.FlowLogs;

/// <summary>
/// Gathers a connection's windows (one per <see cref="DataPlaneOptions.AggregationTick"/>) into the records of a flow log's
/// <c>MaxAggregationInterval</c>: a record is written when its flow has been gathered that long, or when the flow ends,
/// whichever comes first, as AWS writes them. Used by the one writer only.
/// </summary>
public sealed class AggregationWindows(TimeSpan tick)
{
    private readonly Dictionary<(string FlowLog, string Interface, string Src, string Dst, int SrcPort, int DstPort), FlowRecord> _open = [];

    /// <summary>The records gathered so far, for the flows no record is written for yet.</summary>
    public int Open => _open.Count;

    /// <summary>The record to write for <paramref name="flowLog"/> now that <paramref name="window"/> came, or null while it gathers.</summary>
    public FlowRecord? Add(FlowLog flowLog, FlowRecord window)
    {
        var key = (flowLog.Id, window.Interface.Id, window.SrcAddr, window.DstAddr, window.SrcPort, window.DstPort);
        var gathered = _open.Remove(key, out var earlier)
            ? window with
            {
                Start = earlier.Start, Packets = earlier.Packets + window.Packets, Bytes = earlier.Bytes + window.Bytes,
                TcpFlags = earlier.TcpFlags | window.TcpFlags,
            }
            : window;
        // Half a tick of slack: windows come about a tick apart, not exactly, and ten of them make 600 seconds.
        if (gathered.EndsFlow || gathered.End - gathered.Start > TimeSpan.FromSeconds(flowLog.MaxAggregationInterval) - tick / 2) return gathered;
        _open[key] = gathered;
        return null;
    }
}
