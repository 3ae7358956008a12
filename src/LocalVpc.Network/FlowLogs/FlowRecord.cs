namespace LocalVpc.Network.FlowLogs;

/// <summary>
/// One flow log record: the packets one direction of a connection carried through one network interface, with what the
/// VPC decided. Addresses are the VPC's (never 127.0.0.1). Bytes are the bytes carried (payload: the proxies see
/// streams, not IP packets); packets are the kernel's segment counts of the instance's connection.
/// </summary>
/// <param name="TcpFlags">The flags seen, ORed as AWS reports them: FIN 1, SYN 2, RST 4, SYN-ACK 18.</param>
/// <param name="ExplanationCode">For a REJECT, the analyser's code for what refused it.</param>
/// <param name="EndsFlow">The connection's last record (it closed, or was refused): no later window of it follows.</param>
public sealed record FlowRecord(
    string Region, string AccountId, NetworkInterface Interface, string? InstanceId,
    string SrcAddr, string DstAddr, int SrcPort, int DstPort, int Protocol, long Packets, long Bytes,
    DateTimeOffset Start, DateTimeOffset End, string Action, string FlowDirection, int TcpFlags, string? TrafficPath,
    string? ExplanationCode, bool EndsFlow = true)
{
    public const string Accept = "ACCEPT", Reject = "REJECT";
}
