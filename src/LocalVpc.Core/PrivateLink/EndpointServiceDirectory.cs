namespace LocalVpc.Core.PrivateLink;

/// <summary>
/// Endpoint services across the accounts of a region: which ones an account may see and use, and how a
/// consumer sees one (DescribeVpcEndpointServices, CreateVpcEndpoint). Pure over the regions' states.
/// </summary>
public static class EndpointServiceDirectory
{
    /// <summary>The prefix of every provider service's name.</summary>
    public const string NamePrefix = "com.amazonaws.vpce.";

    /// <summary>Every provider service of the region that <paramref name="account"/> may see, with its provider's state.</summary>
    public static IEnumerable<(EndpointServiceConfiguration Configuration, AccountState Provider)> VisibleTo(
        RegionSnapshot region, string account) =>
        region.Accounts.Values.SelectMany(provider => provider.EndpointServices.Values
            .Where(c => c.IsVisibleTo(account))
            .Select(c => (c, provider)));

    /// <summary>The service of that name as <paramref name="account"/> sees it, or null when it does not exist for them.</summary>
    public static EndpointService? Find(RegionSnapshot region, string account, string serviceName) =>
        VisibleTo(region, account).Where(v => v.Configuration.ServiceName == serviceName)
            .Select(v => Describe(v.Configuration, v.Provider)).FirstOrDefault();

    /// <summary>Whether the name is a provider's service (<c>com.amazonaws.vpce.…</c>), not one of AWS's own.</summary>
    public static bool IsProviderService(string serviceName) => serviceName.StartsWith(NamePrefix, StringComparison.Ordinal);

    /// <summary>The service an endpoint in <paramref name="account"/> is made to: a provider's as that account sees it, else AWS's own of that type.</summary>
    public static EndpointService? ForEndpoint(RegionSnapshot region, AccountState account, string serviceName, string type) =>
        IsProviderService(serviceName) ? Find(region, account.Scope.Account, serviceName) : ServiceCatalog.Find(account.Region, serviceName, type);

    /// <summary>The configuration behind a provider service's name, with the account that owns it.</summary>
    public static (EndpointServiceConfiguration Configuration, AccountState Provider)? Provider(RegionSnapshot region, string serviceName) =>
        region.Accounts.Values.SelectMany(p => p.EndpointServices.Values.Where(c => c.ServiceName == serviceName).Select(c => (c, p)))
            .Cast<(EndpointServiceConfiguration, AccountState)?>().FirstOrDefault();

    /// <summary>Every endpoint, in any account of the region, to one of <paramref name="provider"/>'s services, with the state its consumer sees at <paramref name="now"/>.</summary>
    public static IEnumerable<EndpointConnection> ConnectionsTo(RegionSnapshot region, AccountState provider, DateTimeOffset now)
    {
        var mine = provider.EndpointServices.Values.ToDictionary(c => c.ServiceName);
        return region.Accounts.Values.SelectMany(consumer => consumer.VpcEndpoints.Values
            .Where(e => mine.ContainsKey(e.ServiceName))
            .Select(e => new EndpointConnection(mine[e.ServiceName], e, consumer, e.StateAt(now))));
    }

    /// <summary>A provider service as consumers see it: an interface service in the zones of its load balancers' subnets.</summary>
    public static EndpointService Describe(EndpointServiceConfiguration configuration, AccountState provider)
    {
        var zones = configuration.NetworkLoadBalancerArns
            .SelectMany(arn => provider.LoadBalancers.TryGetValue(arn, out var balancer) ? balancer.SubnetIds : [])
            .Select(id => provider.Subnets.GetValueOrDefault(id))
            .OfType<Subnet>()
            .Select(s => provider.Region.Zone(s.AvailabilityZone)!)
            .Distinct()
            .OrderBy(z => z.Name, StringComparer.Ordinal);
        return new EndpointService(configuration.ServiceName, configuration.Id, "Interface", configuration.Id, configuration.OwnerId,
            [configuration.BaseEndpointDnsName], configuration.PrivateDnsName is { } name ? [name] : [], VpcEndpointPolicySupported: false,
            configuration.AcceptanceRequired, [.. zones], PrivateDnsOnlyWithGateway: false, PrefixList: null,
            PrivateDnsVerificationState: configuration.PrivateDnsState ?? "verified", configuration.SupportedIpAddressTypes);
    }
}
