namespace LocalVpc.Core.Resources;

/// <summary>
/// A DHCP options set (<c>dopt-…</c>): what instances in the VPCs associated with it are told at boot. Every account's
/// region starts with one, used by new VPCs: the regional domain name and the Amazon-provided DNS server.
/// </summary>
public sealed record DhcpOptions(string Id, string OwnerId, ImmutableArray<DhcpConfiguration> Configurations) : Resource(Id)
{
    /// <summary>What a VPC's <c>dhcpOptionsId</c> says when no set is associated with it.</summary>
    public const string NoneId = "default";

    public const string AmazonProvidedDns = "AmazonProvidedDNS";

    /// <summary>The set AWS makes for a new account in a region.</summary>
    public static DhcpOptions Default(string id, Scope scope) => new(id, scope.Account,
    [
        new DhcpConfiguration(DhcpConfiguration.DomainName, [DnsNames.PrivateSuffix(scope.Region)]),
        new DhcpConfiguration(DhcpConfiguration.DomainNameServers, [AmazonProvidedDns]),
    ]);
}

/// <summary>One option of a set and its values, in the order they were given.</summary>
public sealed record DhcpConfiguration(string Key, ImmutableArray<string> Values)
{
    public const string DomainName = "domain-name";
    public const string DomainNameServers = "domain-name-servers";
    public const string NtpServers = "ntp-servers";
    public const string NetbiosNameServers = "netbios-name-servers";
    public const string NetbiosNodeType = "netbios-node-type";
    public const string Ipv6AddressPreferredLeaseTime = "ipv6-address-preferred-lease-time";
}
