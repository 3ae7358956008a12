namespace LocalVpc.Core.Resources;

/// <summary>
/// Where a route sends traffic: exactly one of a gateway (<c>local</c>, <c>igw-…</c>, <c>vpce-…</c>), a NAT
/// gateway, a network interface (an instance target is its primary interface, and shows both ids, as
/// EC2 shows them), a peering connection or an egress-only internet gateway (IPv6 only).
/// </summary>
public sealed record RouteTarget(string? GatewayId = null, string? NatGatewayId = null, string? NetworkInterfaceId = null,
    string? InstanceId = null, string? VpcPeeringConnectionId = null, string? EgressOnlyInternetGatewayId = null)
{
    public static RouteTarget Local { get; } = new(GatewayId: "local");

    public bool IsLocal => GatewayId == "local";

    /// <summary>The id the route points at, for messages and lookups.</summary>
    public override string ToString() => GatewayId ?? NatGatewayId ?? InstanceId ?? NetworkInterfaceId ?? VpcPeeringConnectionId ?? EgressOnlyInternetGatewayId ?? "";
}
