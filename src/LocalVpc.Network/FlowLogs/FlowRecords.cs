using LocalVpc.Analysis;

namespace LocalVpc.Network.FlowLogs;

/// <summary>
/// The records a connection through an instance's proxy leaves, from the analyser's verdict: each interface it crossed
/// (the instance's, and the one that holds the destination address) logs both directions; a connection a security group or
/// network ACL refused is one REJECT record at the interface whose group or ACL it was; a flow with no route leaves none,
/// as on AWS.
/// </summary>
public static class FlowRecords
{
    private const int Tcp = 6, Fin = 1, Syn = 2, Rst = 4, SynAck = 18;

    /// <summary>
    /// What one connection the proxy carried in one aggregation window: its ends, the window, what it carried each way in
    /// it, and whether the window saw it open (SYN) or close (FIN, or RST when <paramref name="Reset"/>).
    /// </summary>
    public sealed record Carried(int SourcePort, int DestinationPort, DateTimeOffset Start, DateTimeOffset End, long Sent, long Received,
        Forwarding.TcpSegments Segments, bool Opens, bool Closes, bool Reset);

    public static List<FlowRecord> Accepted(RegionSnapshot region, Scope scope, string instanceId, Verdict verdict, Carried c)
    {
        if (Ends(region, scope, instanceId, verdict) is not var (source, target, destination)) return [];
        // A window between the first and the last sees none of the flags AWS logs.
        var closing = !c.Closes ? 0 : c.Reset ? Rst : Fin;
        (int Syn, int SynAck) opening = c.Opens ? (Syn, SynAck) : (0, 0);
        var records = new List<FlowRecord>
        {
            // At the instance: out with the request, in with the answers.
            Record(region, source, instanceId, Address(source, destination), destination, c.SourcePort, c.DestinationPort, c.Segments.In, c.Sent,
                c, FlowRecord.Accept, "egress", opening.Syn | closing, TrafficPath(source, target), null),
            Record(region, source, instanceId, destination, Address(source, destination), c.DestinationPort, c.SourcePort, c.Segments.Out, c.Received,
                c, FlowRecord.Accept, "ingress", opening.SynAck | closing, null, null),
        };
        if (target is not null)
        {
            records.Add(Record(region, target, target.Attachment?.InstanceId, Address(source, destination), destination, c.SourcePort, c.DestinationPort,
                c.Segments.In, c.Sent, c, FlowRecord.Accept, "ingress", opening.Syn | closing, null, null));
            records.Add(Record(region, target, target.Attachment?.InstanceId, destination, Address(source, destination), c.DestinationPort, c.SourcePort,
                c.Segments.Out, c.Received, c, FlowRecord.Accept, "egress", opening.SynAck | closing, TrafficPath(target, source), null));
        }
        return records;
    }

    public static List<FlowRecord> Rejected(RegionSnapshot region, Scope scope, string instanceId, Verdict verdict, int sourcePort, int destinationPort,
        DateTimeOffset at)
    {
        var refusal = verdict.Hops.LastOrDefault(h => !h.Passed);
        if (refusal is null || Ends(region, scope, instanceId, verdict) is not var (source, target, destination)) return [];
        var (logged, direction) = refusal.Component switch
        {
            HopComponent.SecurityGroupEgress or HopComponent.NetworkAclEgress => (source, "egress"),
            HopComponent.SecurityGroupIngress or HopComponent.NetworkAclIngress when target is not null => (target, "ingress"),
            _ => ((NetworkInterface?)null, ""),
        };
        if (logged is null) return [];
        // A refused connection carries nothing: its one packet is the SYN that was refused.
        var carried = new Carried(sourcePort, destinationPort, at, at, 0, 0, default, true, true, false);
        return [Record(region, logged, logged == source ? instanceId : logged.Attachment?.InstanceId, Address(source, destination), destination,
            sourcePort, destinationPort, 1, 0, carried, FlowRecord.Reject, direction, Syn, direction == "egress" ? TrafficPath(source, target) : null,
            verdict.ExplanationCode)];
    }

    /// <summary>The source interface, the interface holding the destination address (null beyond the VPCs), and that address.</summary>
    private static (NetworkInterface Source, NetworkInterface? Target, string Destination)? Ends(RegionSnapshot region, Scope scope, string instanceId,
        Verdict verdict)
    {
        var state = region.Account(scope.Account);
        var sourceId = verdict.Hops.FirstOrDefault(h => h.Component == HopComponent.Source && h.Passed)?.ResourceId;
        if (sourceId is null || !state.NetworkInterfaces.TryGetValue(sourceId, out var source) || verdict.DestinationAddress is not { } destination)
            return null;
        bool Holds(NetworkInterface n) => n.PrivateIpAddresses.Contains(destination) || n.Ipv6Addresses.Contains(destination);
        var interfaces = region.Accounts.Values.SelectMany(a => a.NetworkInterfaces.Values).Where(Holds).ToList();
        var target = interfaces.FirstOrDefault(n => n.VpcId == source.VpcId) ?? interfaces.FirstOrDefault();
        return (source, target, destination);
    }

    /// <summary>The source's address of the destination's family.</summary>
    private static string Address(NetworkInterface source, string destination) =>
        destination.Contains(':') ? source.Ipv6Address ?? source.PrivateIpAddress ?? "-" : source.PrivateIpAddress ?? source.Ipv6Address ?? "-";

    /// <summary>AWS's traffic-path for egress: 1 within the VPC, 4 through a peering (same region); unknown otherwise.</summary>
    private static string? TrafficPath(NetworkInterface from, NetworkInterface? to) =>
        to is null ? null : to.VpcId == from.VpcId ? "1" : "4";

    private static FlowRecord Record(RegionSnapshot region, NetworkInterface at, string? instanceId, string src, string dst, int srcPort, int dstPort,
        long packets, long bytes, Carried c, string action, string direction, int flags, string? trafficPath, string? code) =>
        new(region.Region, at.OwnerId, at, instanceId, src, dst, srcPort, dstPort, Tcp, packets, bytes, c.Start, c.End, action, direction, flags,
            trafficPath, code, c.Closes);
}
