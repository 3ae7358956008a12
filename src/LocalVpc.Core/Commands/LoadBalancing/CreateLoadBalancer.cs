namespace LocalVpc.Core.Commands.LoadBalancing;

/// <summary>
/// CreateLoadBalancer for network load balancers: subnets of one VPC, one per zone, each getting a
/// requester-managed interface (<c>network_load_balancer</c>, described <c>ELB net/{name}/{id}</c>), with an IPv6 address
/// too when the balancer is dual stack.
/// </summary>
public sealed record CreateLoadBalancer(string Name, string? Type, string? Scheme, ImmutableArray<string> SubnetIds,
    ImmutableArray<string> SecurityGroupIds, ImmutableArray<KeyValuePair<string, string>> Tags, string? IpAddressType = null) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (ElbNames.Check(Name, "load balancer") is { } nameError) return nameError;
        if (Name.StartsWith("internal-", StringComparison.Ordinal)) return ElbErrors.Validation("Load balancer names cannot start with 'internal-'");
        if ((Type ?? "application") != "network")
            return ElbErrors.Validation($"LocalVpc serves network load balancers; Type '{Type ?? "application"}' is not served.");
        var scheme = Scheme ?? "internet-facing";
        if (scheme is not ("internet-facing" or "internal")) return new AwsError("InvalidScheme", $"Scheme '{scheme}' is not valid");
        if (state.LoadBalancers.Values.Any(l => l.Name == Name)) return ElbErrors.DuplicateLoadBalancerName(Name);
        if (SubnetIds.IsEmpty) return ElbErrors.Validation("At least one subnet must be specified");

        var subnets = new List<Subnet>();
        foreach (var id in SubnetIds.Distinct())
        {
            if (!state.Subnets.TryGetValue(id, out var subnet)) return ElbErrors.SubnetNotFound(id);
            if (subnets.Count > 0 && subnet.VpcId != subnets[0].VpcId) return ElbErrors.InvalidSubnet("The subnets must all be in the same VPC");
            if (subnets.Any(s => s.AvailabilityZone == subnet.AvailabilityZone))
                return ElbErrors.InvalidConfigurationRequest($"A load balancer cannot be attached to multiple subnets in the same Availability Zone ({subnet.AvailabilityZone})");
            subnets.Add(subnet);
        }
        var ipAddressType = IpAddressType ?? LoadBalancer.Ipv4;
        if (SetIpAddressType.Check(ipAddressType, subnets) is { } typeError) return typeError;
        var vpcId = subnets[0].VpcId;
        foreach (var id in SecurityGroupIds)
            if (!state.SecurityGroups.TryGetValue(id, out var group) || group.VpcId != vpcId) return ElbErrors.InvalidSecurityGroup(id);
        if (scheme == "internet-facing" && state.InternetGatewayOf(vpcId) is null)
            return ElbErrors.InvalidSubnet($"VPC {vpcId} has no internet gateway");

        var hex = ElbArn.NewHex(context.Ids);
        var arn = ElbArn.ForLoadBalancer(state.Scope, Name, hex);
        var events = new List<Event>();
        var pending = new HashSet<uint>();
        var interfaces = new List<string>();
        foreach (var subnet in subnets)
        {
            if (AddressAllocator.Allocate(state, subnet, [], 1, pending, out var addresses) is { } addressError) return addressError;
            if (Ipv6AddressAllocator.Allocate(state, subnet, [], ipAddressType == LoadBalancer.Dualstack ? 1 : 0, new HashSet<UInt128>(), out var ipv6) is { } ipv6Error)
                return ipv6Error;
            var eni = new NetworkInterface(context.Ids.Next(IdPrefix.NetworkInterface), subnet.Id, subnet.VpcId, subnet.AvailabilityZone,
                subnet.AvailabilityZoneId, state.Scope.Account, $"ELB net/{Name}/{hex}", [.. addresses], [.. SecurityGroupIds],
                "network_load_balancer", RequesterManaged: true, SourceDestCheck: false, Attachment: null, PublicIp: null) { Ipv6Addresses = [.. ipv6] };
            events.Add(new ResourcePut(eni));
            interfaces.Add(eni.Id);
        }
        var dnsName = $"{(scheme == "internal" ? "internal-" : "")}{Name}-{hex}.elb.{state.Scope.Region}.amazonaws.com";
        events.Insert(0, new ResourcePut(new LoadBalancer(arn, Name, scheme, vpcId, [.. subnets.Select(s => s.Id)], [.. interfaces],
            [.. SecurityGroupIds], dnsName, context.Time.GetUtcNow(), IpAddressType: ipAddressType)));
        if (!Tags.IsEmpty)
        {
            if (TagRules.Merge(state.TagsOf(arn), Tags, out var tags) is { } tagError) return tagError;
            events.Add(new TagsChanged(arn, tags));
        }
        return Decision.Of(arn, events);
    }
}
