namespace LocalVpc.Core.Resources;

/// <summary>
/// A VPC endpoint. An interface endpoint has one requester-managed network interface per subnet
/// (<see cref="NetworkInterfaceIds"/>, in subnet order); a gateway endpoint has a route to its service's
/// prefix list in each of its route tables. Its DNS names follow from the id, <see cref="DnsSuffix"/> and
/// the service, so they are not stored.
/// </summary>
/// <param name="State">
/// Where it settles (available, pendingAcceptance, rejected). What anyone sees at a moment is <see cref="StateAt"/>.
/// </param>
/// <param name="ReadyAt">Until when a created or changed endpoint is still <c>pending</c>; null in logs written before it existed (then <see cref="ChangedAt"/>).</param>
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
    VpcEndpointState State,
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
    string? RequestFingerprint,
    DateTimeOffset? ReadyAt = null) : Resource(Id)
{
    /// <summary>
    /// The one rule for what the API shows and what carries traffic: an endpoint that settles as available is
    /// <c>pending</c> up to and including <see cref="ReadyAt"/>, so the call that creates or changes it answers pending
    /// (as EC2 does) and the analyser lets no traffic through it until then.
    /// </summary>
    public VpcEndpointState StateAt(DateTimeOffset now) =>
        State == VpcEndpointState.Available && now <= (ReadyAt ?? ChangedAt) ? VpcEndpointState.Pending : State;

    /// <summary>The state the create or modify call answers with: the state at the moment of the change.</summary>
    public VpcEndpointState StateWhenChanged => StateAt(ChangedAt);

    /// <summary>This endpoint as changed at <paramref name="now"/>: pending again for <paramref name="transition"/>.</summary>
    public VpcEndpoint ChangedAtTime(DateTimeOffset now, TimeSpan transition) => this with { ChangedAt = now, ReadyAt = now + transition };

    public bool IsInterface => Type == "Interface";
}
