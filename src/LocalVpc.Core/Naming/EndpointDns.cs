namespace LocalVpc.Core.Naming;

/// <summary>
/// An interface endpoint's DNS names, in AWS's order: the regional name, one zonal name per zone, then, with
/// private DNS on, the service's private names in the endpoint's private hosted zone (VPC user guide, DNS
/// hostnames for interface endpoints).
/// </summary>
public static class EndpointDns
{
    /// <summary>The first label of the regional name: <c>vpce-…-abcd1234</c>.</summary>
    public static string RegionalLabel(VpcEndpoint endpoint) => $"{endpoint.Id}-{endpoint.DnsSuffix}";

    /// <summary>The first label of a zonal name: <c>vpce-…-abcd1234-us-east-1a</c>.</summary>
    public static string ZonalLabel(VpcEndpoint endpoint, string zone) => $"{RegionalLabel(endpoint)}-{zone}";

    public static IEnumerable<DnsEntry> Entries(AccountState state, VpcEndpoint endpoint)
    {
        if (!endpoint.IsInterface) yield break;
        var zone = ServiceCatalog.EndpointHostedZoneId(state.Scope.Region);
        foreach (var baseName in endpoint.ServiceBaseDnsNames)
        {
            yield return new DnsEntry($"{RegionalLabel(endpoint)}.{baseName}", zone);
            foreach (var subnetId in endpoint.SubnetIds)
                if (state.Subnets.TryGetValue(subnetId, out var subnet))
                    yield return new DnsEntry($"{ZonalLabel(endpoint, subnet.AvailabilityZone)}.{baseName}", zone);
        }
        if (!endpoint.PrivateDnsEnabled) yield break;
        var privateZone = ServiceCatalog.HostedZoneId($"{endpoint.Id}/private");
        foreach (var name in endpoint.ServicePrivateDnsNames) yield return new DnsEntry(name, privateZone);
    }
}
