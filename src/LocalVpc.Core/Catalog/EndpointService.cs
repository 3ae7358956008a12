namespace LocalVpc.Core.Catalog;

/// <summary>A service one can create VPC endpoints to, as DescribeVpcEndpointServices shows it.</summary>
/// <param name="Type">Interface or Gateway.</param>
/// <param name="PrivateDnsNames">The names private DNS answers for; the first is the service's PrivateDnsName.</param>
/// <param name="PrivateDnsOnlyWithGateway">S3's interface endpoints take private DNS only beside a gateway endpoint.</param>
/// <param name="PrefixList">For gateway services, the AWS-managed prefix list their routes point at.</param>
public sealed record EndpointService(
    string ServiceName,
    string ShortName,
    string Type,
    string ServiceId,
    string Owner,
    ImmutableArray<string> BaseEndpointDnsNames,
    ImmutableArray<string> PrivateDnsNames,
    bool VpcEndpointPolicySupported,
    bool AcceptanceRequired,
    ImmutableArray<AvailabilityZone> AvailabilityZones,
    bool PrivateDnsOnlyWithGateway,
    PrefixList? PrefixList,
    string PrivateDnsVerificationState = "verified",
    ImmutableArray<string> SupportedIpAddressTypes = default)
{
    /// <summary>ipv4 and/or ipv6: what endpoints to it may use (dualstack needs both). IPv4 alone when not said.</summary>
    public ImmutableArray<string> SupportedIpAddressTypes { get; init; } = SupportedIpAddressTypes.IsDefault ? [Ipv4] : SupportedIpAddressTypes;

    public const string Ipv4 = "ipv4", Ipv6 = "ipv6";

    public string? PrivateDnsName => PrivateDnsNames.IsEmpty ? null : PrivateDnsNames[0];

    /// <summary>The names an endpoint may serve with private DNS on: only once the provider's name is verified.</summary>
    public ImmutableArray<string> UsablePrivateDnsNames => PrivateDnsVerificationState == "verified" ? PrivateDnsNames : [];

    public bool IsInterface => Type == "Interface";
}
