namespace LocalVpc.Analysis;

/// <summary>
/// Resolves a name as the source VPC's resolver (VPC base +2) would: endpoint regional and zonal names (public,
/// answered from anywhere) to the endpoint's interface addresses; a service's private DNS name to the endpoint's
/// addresses only inside a VPC whose endpoint has private DNS on and whose DNS support is on; instance names to
/// their private address; an AWS service's public name to a public address (for S3 and DynamoDB one in their prefix
/// lists, for the others one in 203.0.113.0/24, documentation space).
/// </summary>
public static class NameResolver
{
    public static Resolution? Resolve(RegionState state, Vpc vpc, Subnet from, string name, List<Hop> notes)
    {
        name = Normalize(name);
        if (Ipv4Cidr.TryParseAddress(name, out var literal)) return new Resolution(literal, "an IP address");

        // 1 and 2. An endpoint's names: private DNS names inside its VPC, regional and zonal names from anywhere.
        if (EndpointNamed(state, vpc, name, notes) is var (endpoint, zone, how))
            return Pick(state, endpoint, zone is null ? from : null, how, zone);

        // 3. Instance names: ip-10-0-1-5.ec2.internal.
        if (InstanceName(state, name) is { } instanceIp) return new Resolution(instanceIp, "an instance name");

        // 4. AWS services' public names.
        var service = ServiceCatalog.For(state.Region).FirstOrDefault(s => s.PrivateDnsNames.Any(n => Matches(n, name)) ||
            s.BaseEndpointDnsNames.Any(n => n == name && s.PrefixList is not null));
        if (service is not null)
        {
            var gateway = ServiceCatalog.For(state.Region).FirstOrDefault(s => s.ShortName == service.ShortName && s.PrefixList is not null);
            if (gateway?.PrefixList is { } list && Ipv4Cidr.TryParse(list.Cidrs[0], out var block))
                return new Resolution(block.Network + 10, $"the public name of {service.ServiceName}, in {list.Id}");
            var offset = (uint)(Math.Abs(service.ShortName.GetHashCode(StringComparison.Ordinal)) % 250) + 1;
            return new Resolution(0xCB007100 + offset, $"the public name of {service.ServiceName} (a public address)");
        }
        return null;
    }

    /// <summary>
    /// What the VPC's resolver answers from its own data: every address of the endpoint that owns the name (only the
    /// zone's for a zonal name), or an instance name's address. Null when the name is not LocalVpc's to answer, so the
    /// resolver forwards it (AWS services' public names, the rest of the internet).
    /// </summary>
    public static ImmutableArray<string>? Answer(RegionState state, Vpc vpc, string name)
    {
        name = Normalize(name);
        if (EndpointNamed(state, vpc, name, notes: null) is var (endpoint, zone, _))
            return [.. Interfaces(state, endpoint).Where(n => zone is null || n.AvailabilityZone == zone).Select(n => n.PrivateIpAddress)];
        return InstanceName(state, name) is { } address ? [Ipv4Cidr.FormatAddress(address)] : null;
    }

    private static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();

    /// <summary>The endpoint a name belongs to in this VPC's view, the zone of a zonal name, and how the name matched.</summary>
    private static (VpcEndpoint Endpoint, string? Zone, string How)? EndpointNamed(RegionState state, Vpc vpc, string name, List<Hop>? notes)
    {
        // The VPC's endpoints with private DNS on answer the service's names, if the VPC resolves names at all. An S3
        // interface endpoint whose private DNS is "only for inbound resolver endpoints" leaves the VPC's own queries to the
        // public name, so they take the gateway endpoint (PrivateLink guide, DnsOptionsSpecification).
        var privateEndpoint = state.VpcEndpoints.Values.FirstOrDefault(e => e.VpcId == vpc.Id && e.PrivateDnsEnabled &&
            e.PrivateDnsOnlyForInboundResolverEndpoint != true && e.ServicePrivateDnsNames.Any(n => Matches(n, name)));
        if (privateEndpoint is not null)
        {
            if (vpc.EnableDnsSupport) return (privateEndpoint, null, $"the private DNS name of {privateEndpoint.Id}");
            notes?.Add(new Hop("dns", vpc.Id, true, $"{vpc.Id} has enableDnsSupport off: its resolver does not answer {name} with {privateEndpoint.Id}'s addresses",
                "LOCALVPC_VPC_DNS_SUPPORT_DISABLED"));
        }

        // Endpoint regional and zonal names are public.
        foreach (var endpoint in state.VpcEndpoints.Values.Where(e => e.IsInterface))
            foreach (var entry in EndpointDns.Entries(state, endpoint).Where(e => e.HostedZoneId == ServiceCatalog.EndpointHostedZoneId(state.Scope.Region)))
                if (Matches(entry.DnsName, name))
                {
                    var zonal = state.Region.Zones.FirstOrDefault(z => name.StartsWith($"{endpoint.Id}-{endpoint.DnsSuffix}-{z.Name}.", StringComparison.Ordinal));
                    return (endpoint, zonal?.Name, $"{endpoint.Id}'s {(zonal is null ? "regional" : "zonal")} name");
                }
        return null;
    }

    private static uint? InstanceName(RegionState state, string name)
    {
        var label = name.Split('.')[0];
        return label.StartsWith("ip-", StringComparison.Ordinal) && Ipv4Cidr.TryParseAddress(label[3..].Replace('-', '.'), out var address) &&
               name == DnsNames.Private(Ipv4Cidr.FormatAddress(address), state.Scope.Region)
            ? address
            : null;
    }

    private static IEnumerable<NetworkInterface> Interfaces(RegionState state, VpcEndpoint endpoint) =>
        endpoint.NetworkInterfaceIds.Select(id => state.NetworkInterfaces.GetValueOrDefault(id)).OfType<NetworkInterface>();

    /// <summary>DNS names match exactly, or a <c>*.</c> name matches one more label in front.</summary>
    public static bool Matches(string pattern, string name) =>
        pattern == name || (pattern.StartsWith("*.", StringComparison.Ordinal) && name.EndsWith(pattern[1..], StringComparison.Ordinal) &&
                            !name[..^(pattern.Length - 1)].Contains('.'));

    private static Resolution? Pick(RegionState state, VpcEndpoint endpoint, Subnet? near, string how, string? zone = null)
    {
        var interfaces = Interfaces(state, endpoint).ToList();
        var chosen = interfaces.FirstOrDefault(n => n.AvailabilityZone == (zone ?? near?.AvailabilityZone)) ?? interfaces.FirstOrDefault();
        return chosen is null ? null : Ipv4Cidr.TryParseAddress(chosen.PrivateIpAddress, out var ip) ? new Resolution(ip, how, chosen.Id) : null;
    }
}
