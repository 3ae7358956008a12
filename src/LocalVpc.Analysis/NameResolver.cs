namespace LocalVpc.Analysis;

/// <summary>
/// The one answer to "what is this name in this VPC?", shared by the VPC's DNS resolver, the analyser, the probe and the
/// proxies. Deterministic: the same state (and the same forwarded answer) gives the same address, in any process.
/// </summary>
/// <remarks>
/// The VPC's resolver (VPC base +2) answers, in order:
/// 1. nothing at all when the VPC's DNS support is off (<see cref="Refuses"/>);
/// 2. a service's private DNS name with the addresses of the VPC's endpoint that has private DNS on;
/// 3. endpoint regional and zonal names (public, answered from anywhere) with the endpoint's interface addresses;
/// 4. instance names (<c>ip-10-0-1-5.ec2.internal</c>) with their private address;
/// 5. the public names of services with a prefix list (S3, DynamoDB) with an address in that list, so gateway endpoints route them;
/// 6. anything else is forwarded to the host's resolver, and its answer is used; offline, an AWS service's public
///    name still gets a stand-in public address in 203.0.113.0/24 (documentation space), stable per service.
/// </remarks>
public static class NameResolver
{
    /// <summary>Whether the VPC's resolver answers nothing: it is off with the VPC's DNS support.</summary>
    public static bool Refuses(Vpc vpc) => !vpc.EnableDnsSupport;

    /// <summary>Whether the VPC's resolver forwards the name to the host's resolver rather than answering it from LocalVpc's data.</summary>
    public static bool IsForwarded(AccountState state, Vpc vpc, string name) =>
        !Refuses(vpc) && IpBlock.ParseAddress(Normalize(name)) is null && Answer(state, vpc, name) is null;

    /// <summary>
    /// One address for the analyser, near <paramref name="from"/>'s zone, with how the name matched; null when it does not
    /// resolve. A name with both records gives its A record, or its AAAA record when <paramref name="preferIpv6"/>.
    /// </summary>
    public static Resolution? Resolve(AccountState state, Vpc vpc, Subnet from, string name, ImmutableArray<IPAddress> forwarded, bool preferIpv6 = false)
    {
        name = Normalize(name);
        if (IpBlock.ParseAddress(name) is { } literal) return new Resolution(literal, "an IP address");
        if (Refuses(vpc)) return null;

        // 2 and 3. An endpoint's names.
        if (EndpointNamed(state, vpc, name) is var (endpoint, zone, how))
            return Pick(state, endpoint, zone is null ? from : null, how, preferIpv6, zone);

        // 4 and 5. Instance names, and the public names of services with a prefix list (IPv4 only, as on AWS).
        if (InstanceName(state, name) is { } instanceIp) return new Resolution(ToAddress(instanceIp), "an instance name");
        if (ResourceName(state, name) is { } named)
        {
            var (v4, v6) = (named.Records(ipv6: false).FirstOrDefault(), named.Records(ipv6: true).FirstOrDefault());
            return (preferIpv6 ? v6 ?? v4 : v4 ?? v6) is { } address ? new Resolution(IPAddress.Parse(address), "an instance's resource name") : null;
        }
        if (PrefixListName(state, name) is var (listed, list)) return new Resolution(ToAddress(listed), $"the public name of a service in {list}");

        // 6. Forwarded: the host's answer, else an AWS service's stand-in address.
        if (!forwarded.IsDefaultOrEmpty)
            return new Resolution(forwarded.FirstOrDefault(a => IpBlock.IsIpv6(a) == preferIpv6) ?? forwarded[0], "the host resolver's answer");
        var service = ServiceCatalog.For(state.Region).FirstOrDefault(s => s.PrivateDnsNames.Any(n => Matches(n, name)));
        return service is null ? null : new Resolution(ToAddress(StandInAddress(service.ShortName)), $"the public name of {service.ServiceName} (a public address)");
    }

    /// <summary>
    /// What the VPC's resolver answers from LocalVpc's own data, for A records or (<paramref name="ipv6"/>) AAAA records:
    /// the addresses of the endpoint that owns the name (only the zone's for a zonal name, and only of the families its
    /// <c>DnsRecordIpType</c> names), an instance name's address, or a prefix-list service's address. Empty is NODATA: the
    /// name is LocalVpc's but has no record of that type. Null when the name is forwarded (steps 1 to 5 above; the
    /// resolver checks <see cref="Refuses"/> first).
    /// </summary>
    public static ImmutableArray<string>? Answer(AccountState state, Vpc vpc, string name, bool ipv6 = false)
    {
        name = Normalize(name);
        if (EndpointNamed(state, vpc, name) is var (endpoint, zone, _))
        {
            var interfaces = Interfaces(state, endpoint).Where(n => zone is null || n.AvailabilityZone == zone);
            if (!HasRecords(endpoint, ipv6)) return [];
            return [.. ipv6 ? interfaces.SelectMany(n => n.Ipv6Addresses) : interfaces.Select(n => n.PrivateIpAddress).OfType<string>()];
        }
        if (InstanceName(state, name) is { } address) return ipv6 ? [] : [Ipv4Cidr.FormatAddress(address)];
        if (ResourceName(state, name) is { } named) return [.. named.Records(ipv6)];
        return PrefixListName(state, name) is var (listed, _) ? ipv6 ? [] : [Ipv4Cidr.FormatAddress(listed)] : null;
    }

    /// <summary>
    /// Whether an endpoint's names have records of a family: A unless its DNS record type is ipv6 only, AAAA when it is
    /// dualstack or ipv6 (service-defined follows the addresses its interfaces hold).
    /// </summary>
    private static bool HasRecords(VpcEndpoint endpoint, bool ipv6) => endpoint.DnsRecordIpType switch
    {
        EndpointIpTypes.Ipv6 => ipv6,
        EndpointIpTypes.Dualstack => true,
        EndpointIpTypes.ServiceDefined => !ipv6 || EndpointIpTypes.HasIpv6(endpoint.IpAddressType),
        _ => !ipv6,
    };

    private static IPAddress ToAddress(uint address) => IPAddress.Parse(Ipv4Cidr.FormatAddress(address));

    /// <summary>
    /// A public address that stands for an AWS service's public endpoint when nothing better is known: in 203.0.113.0/24,
    /// from a hash of the service's name that is the same in every process (FNV-1a; <c>string.GetHashCode</c> is not).
    /// </summary>
    public static uint StandInAddress(string shortName)
    {
        var hash = 2166136261u;
        foreach (var c in shortName) hash = (hash ^ c) * 16777619u;
        return 0xCB007100 + hash % 250 + 1;
    }

    private static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();

    /// <summary>The endpoint a name belongs to in this VPC's view, the zone of a zonal name, and how the name matched.</summary>
    private static (VpcEndpoint Endpoint, string? Zone, string How)? EndpointNamed(AccountState state, Vpc vpc, string name)
    {
        // The VPC's endpoints with private DNS on answer the service's names. An S3 interface endpoint whose private DNS
        // is "only for inbound resolver endpoints" leaves the VPC's own queries to the public name, so they take the
        // gateway endpoint (PrivateLink guide, DnsOptionsSpecification).
        var privateEndpoint = state.VpcEndpoints.Values.FirstOrDefault(e => e.VpcId == vpc.Id && e.PrivateDnsEnabled &&
            e.PrivateDnsOnlyForInboundResolverEndpoint != true && e.ServicePrivateDnsNames.Any(n => Matches(n, name)));
        if (privateEndpoint is not null) return (privateEndpoint, null, $"the private DNS name of {privateEndpoint.Id}");

        // Endpoint regional and zonal names are public.
        foreach (var endpoint in state.VpcEndpoints.Values.Where(e => e.IsInterface))
            foreach (var entry in EndpointDns.Entries(state, endpoint).Where(e => e.HostedZoneId == ServiceCatalog.EndpointHostedZoneId(state.Scope.Region)))
                if (Matches(entry.DnsName, name))
                {
                    var zonal = state.Region.Zones.FirstOrDefault(z => name.StartsWith(EndpointDns.ZonalLabel(endpoint, z.Name) + ".", StringComparison.Ordinal));
                    return (endpoint, zonal?.Name, $"{endpoint.Id}'s {(zonal is null ? "regional" : "zonal")} name");
                }
        return null;
    }

    private static uint? InstanceName(AccountState state, string name)
    {
        var label = name.Split('.')[0];
        return label.StartsWith("ip-", StringComparison.Ordinal) && Ipv4Cidr.TryParseAddress(label[3..].Replace('-', '.'), out var address) &&
               name == DnsNames.Private(Ipv4Cidr.FormatAddress(address), state.Scope.Region)
            ? address
            : null;
    }

    /// <summary>
    /// An instance's resource name (<c>i-0123456789abcdef0.ec2.internal</c>): it has an A record and an AAAA record as its
    /// subnet's resource-name settings say, for the primary interface's addresses.
    /// </summary>
    private static ResourceNamed? ResourceName(AccountState state, string name)
    {
        var label = name.Split('.')[0];
        if (!label.StartsWith("i-", StringComparison.Ordinal) || !state.Instances.TryGetValue(label, out var instance) ||
            name != DnsNames.Resource(instance.Id, state.Scope.Region) || !state.NetworkInterfaces.TryGetValue(instance.PrimaryNetworkInterfaceId, out var eni))
            return null;
        return new ResourceNamed(state.Subnets[eni.SubnetId], eni);
    }

    private sealed record ResourceNamed(Subnet Subnet, NetworkInterface Interface)
    {
        public IEnumerable<string> Records(bool ipv6) => (ipv6
            ? Subnet.ResourceNameDnsAaaaRecordOnLaunch ? Interface.Ipv6Address : null
            : Subnet.ResourceNameDnsARecordOnLaunch ? Interface.PrivateIpAddress : null) is { } address ? [address] : [];
    }

    /// <summary>The public name of a service with a prefix list (S3, DynamoDB): an address in the list, and the list's id.</summary>
    private static (uint Address, string ListId)? PrefixListName(AccountState state, string name)
    {
        var service = ServiceCatalog.For(state.Region).FirstOrDefault(s => s.PrefixList is not null &&
            (s.BaseEndpointDnsNames.Contains(name) || s.PrivateDnsNames.Any(n => Matches(n, name))));
        return service?.PrefixList is { } list && Ipv4Cidr.TryParse(list.Cidrs[0], out var block) ? (block.Network + 10, list.Id) : null;
    }

    private static IEnumerable<NetworkInterface> Interfaces(AccountState state, VpcEndpoint endpoint) =>
        endpoint.NetworkInterfaceIds.Select(id => state.NetworkInterfaces.GetValueOrDefault(id)).OfType<NetworkInterface>();

    /// <summary>DNS names match exactly, or a <c>*.</c> name matches one more label in front.</summary>
    public static bool Matches(string pattern, string name) =>
        pattern == name || (pattern.StartsWith("*.", StringComparison.Ordinal) && name.EndsWith(pattern[1..], StringComparison.Ordinal) &&
                            !name[..^(pattern.Length - 1)].Contains('.'));

    /// <summary>The interface near the zone, and its address of the family the name has records of (the preferred one first).</summary>
    private static Resolution? Pick(AccountState state, VpcEndpoint endpoint, Subnet? near, string how, bool preferIpv6, string? zone = null)
    {
        var interfaces = Interfaces(state, endpoint).ToList();
        var chosen = interfaces.FirstOrDefault(n => n.AvailabilityZone == (zone ?? near?.AvailabilityZone)) ?? interfaces.FirstOrDefault();
        if (chosen is null) return null;
        var v6 = HasRecords(endpoint, ipv6: true) ? chosen.Ipv6Address : null;
        var v4 = HasRecords(endpoint, ipv6: false) ? chosen.PrivateIpAddress : null;
        var address = preferIpv6 ? v6 ?? v4 : v4 ?? v6;
        return address is null ? null : new Resolution(IPAddress.Parse(address), how, chosen.Id);
    }
}
