namespace LocalVpc.Core.Rules;

/// <summary>
/// Endpoint services across the accounts of a region: which ones an account may see and use, and how a
/// consumer sees one (DescribeVpcEndpointServices, CreateVpcEndpoint). Pure over the regions' states.
/// </summary>
public static class EndpointServiceDirectory
{
    /// <summary>The prefix of every provider service's name.</summary>
    public const string NamePrefix = "com.amazonaws.vpce.";

    /// <summary>Every provider service of the region that <paramref name="account"/> may see, with its provider's state.</summary>
    public static IEnumerable<(EndpointServiceConfiguration Configuration, RegionState Provider)> VisibleTo(
        IEnumerable<RegionState> region, string account) =>
        region.SelectMany(provider => provider.EndpointServices.Values
            .Where(c => c.IsVisibleTo(account))
            .Select(c => (c, provider)));

    /// <summary>The service of that name as <paramref name="account"/> sees it, or null when it does not exist for them.</summary>
    public static EndpointService? Find(IEnumerable<RegionState> region, string account, string serviceName) =>
        VisibleTo(region, account).Where(v => v.Configuration.ServiceName == serviceName)
            .Select(v => Describe(v.Configuration, v.Provider)).FirstOrDefault();

    /// <summary>A provider service as consumers see it: an interface service in the zones of its load balancers' subnets.</summary>
    public static EndpointService Describe(EndpointServiceConfiguration configuration, RegionState provider)
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
            PrivateDnsVerificationState: configuration.PrivateDnsState ?? "verified");
    }
}
