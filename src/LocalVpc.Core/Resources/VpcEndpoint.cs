namespace LocalVpc.Core.Resources;

/// <summary>
/// A VPC endpoint. An interface endpoint has one requester-managed network interface per subnet
/// (<see cref="NetworkInterfaceIds"/>, in subnet order); a gateway endpoint has a route to its service's
/// prefix list in each of its route tables. Its DNS names follow from the id, <see cref="DnsSuffix"/> and
/// the service, so they are not stored.
/// </summary>
/// <param name="State">
/// Where it settles (available). Calls that create or change it answer <c>pending</c>, as EC2 does, and it
/// reads pending until the server's transition time after <see cref="ChangedAt"/> has passed (<see cref="StateAt"/>).
/// </param>
/// <param name="ServiceBaseDnsNames">The service's base names its regional and zonal names are made under.</param>
/// <param name="ServicePrivateDnsNames">The service's names this endpoint serves while <see cref="PrivateDnsEnabled"/>.</param>
/// <param name="DnsSuffix">The 8 random characters in the regional name <c>vpce-…-{suffix}.{service}.vpce.amazonaws.com</c>.</param>
/// <param name="ClientToken">The idempotency token of the create call, with <see cref="RequestFingerprint"/> what it asked for.</param>
public sealed record VpcEndpoint(
    string Id,
    string VpcId,
    string OwnerId,
    string ServiceName,
    ImmutableArray<string> ServiceBaseDnsNames,
    ImmutableArray<string> ServicePrivateDnsNames,
    string Type,
    string State,
    ImmutableArray<string> SubnetIds,
    ImmutableArray<string> NetworkInterfaceIds,
    ImmutableArray<string> GroupIds,
    ImmutableArray<string> RouteTableIds,
    string PolicyDocument,
    bool PrivateDnsEnabled,
    string IpAddressType,
    string DnsRecordIpType,
    bool? PrivateDnsOnlyForInboundResolverEndpoint,
    string DnsSuffix,
    DateTimeOffset CreationTimestamp,
    DateTimeOffset ChangedAt,
    string? ClientToken,
    string? RequestFingerprint) : Resource(Id)
{
    /// <summary>The state a reader sees at <paramref name="now"/>: pending for <paramref name="transition"/> after each change.</summary>
    public string StateAt(DateTimeOffset now, TimeSpan transition) =>
        State == "available" && now < ChangedAt + transition ? "pending" : State;

    public bool IsInterface => Type == "Interface";
}
