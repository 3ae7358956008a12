namespace LocalVpc.Core.Resources;

/// <summary>
/// One rule (<c>sgr-…</c>): a protocol, a port range and one peer. The API's IpPermissions are
/// groups of these; AWS stores and numbers them one by one.
/// </summary>
/// <param name="IpProtocol">tcp, udp, icmp, icmpv6, -1 (all), or another protocol number.</param>
/// <param name="FromPort">First port (or ICMP type); null where the protocol has no ports.</param>
/// <param name="ToPort">Last port (or ICMP code); null where the protocol has no ports.</param>
public sealed record SecurityGroupRule(
    string Id,
    bool IsEgress,
    string IpProtocol,
    int? FromPort,
    int? ToPort,
    RulePeer Peer,
    string? Description)
{
    /// <summary>Two rules are the same when all but their id and description match (AWS's duplicate test).</summary>
    public bool SameAs(SecurityGroupRule other) =>
        IsEgress == other.IsEgress && IpProtocol == other.IpProtocol && FromPort == other.FromPort &&
        ToPort == other.ToPort && Peer == other.Peer;

    /// <summary>The rule as AWS's InvalidPermission.Duplicate message describes it.</summary>
    public string Describe() =>
        $"peer: {Peer}, {(IpProtocol == "-1" ? "ALL" : IpProtocol.ToUpperInvariant())}, from port: {FromPort ?? -1}, to port: {ToPort ?? -1}, ALLOW";
}
