namespace LocalVpc.Core.Resources;

/// <summary>
/// An endpoint service a provider offers (<c>vpce-svc-…</c>) behind its network load balancers. Its name is
/// <c>com.amazonaws.vpce.{region}.{id}</c>; who may use it is <see cref="Permissions"/> (the owner always may).
/// </summary>
/// <param name="PrivateDnsState">pendingVerification, verified or failed, for <see cref="PrivateDnsName"/>.</param>
/// <param name="VerificationToken">The token of the TXT record that proves the provider owns the private name's domain.</param>
public sealed record EndpointServiceConfiguration(
    string Id,
    string OwnerId,
    string Region,
    bool AcceptanceRequired,
    ImmutableArray<string> NetworkLoadBalancerArns,
    string? PrivateDnsName,
    string? PrivateDnsState,
    string VerificationToken,
    ImmutableArray<ServicePermission> Permissions,
    ImmutableArray<string> SupportedIpAddressTypes = default) : Resource(Id)
{
    /// <summary><c>ipv4</c> and/or <c>ipv6</c>: the families consumers' endpoints may use. IPv4 alone for a service written before.</summary>
    public ImmutableArray<string> SupportedIpAddressTypes { get; init; } =
        SupportedIpAddressTypes.IsDefaultOrEmpty ? [EndpointService.Ipv4] : SupportedIpAddressTypes;

    public string ServiceName => $"com.amazonaws.vpce.{Region}.{Id}";

    public string BaseEndpointDnsName => $"{Id}.{Region}.vpce.amazonaws.com";

    public string State => "Available";

    /// <summary>Whether <paramref name="account"/> may see the service and create endpoints to it.</summary>
    public bool IsVisibleTo(string account) => account == OwnerId || Permissions.Any(p => p.Allows(account));
}
