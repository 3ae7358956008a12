namespace LocalVpc.Core.Commands.LoadBalancing;

/// <summary>
/// SetIpAddressType: a network load balancer becomes dual stack (each interface gains an IPv6 address from its subnet)
/// or IPv4 only again (they lose it), but not while an endpoint service behind it supports IPv6.
/// </summary>
public sealed record SetIpAddressType(string LoadBalancerArn, string IpAddressType) : ICommand<string>
{
    /// <summary>The one check of a balancer's address type against its subnets, shared with CreateLoadBalancer.</summary>
    public static AwsError? Check(string ipAddressType, IEnumerable<Subnet> subnets)
    {
        if (ipAddressType is not (LoadBalancer.Ipv4 or LoadBalancer.Dualstack))
            return ElbErrors.Validation($"IP address type '{ipAddressType}' is not valid for a network load balancer: use ipv4 or dualstack.");
        if (ipAddressType == LoadBalancer.Dualstack && subnets.FirstOrDefault(s => s.Ipv6CidrAssociation is null) is { } ipv4Only)
            return ElbErrors.InvalidSubnet($"Subnet '{ipv4Only.Id}' has no IPv6 CIDR block: a dualstack load balancer needs one in each of its subnets");
        return null;
    }

    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (!state.LoadBalancers.TryGetValue(LoadBalancerArn, out var balancer)) return ElbErrors.LoadBalancerNotFound(LoadBalancerArn);
        if (Check(IpAddressType, balancer.SubnetIds.Select(id => state.Subnets[id])) is { } error) return error;
        if (IpAddressType == LoadBalancer.Ipv4 && state.EndpointServices.Values.FirstOrDefault(c =>
                c.NetworkLoadBalancerArns.Contains(balancer.Arn) && c.SupportedIpAddressTypes.Contains(EndpointService.Ipv6)) is { } service)
            return ElbErrors.Validation($"The endpoint service {service.Id} supports IPv6 through this load balancer: remove ipv6 from its supported IP address types first.");
        List<Event> events = [new ResourcePut(balancer with { IpAddressType = IpAddressType })];
        foreach (var (subnetId, eniId) in balancer.SubnetIds.Zip(balancer.NetworkInterfaceIds))
        {
            var eni = state.NetworkInterfaces[eniId];
            if (IpAddressType == LoadBalancer.Ipv4 && !eni.Ipv6Addresses.IsEmpty) events.Add(new ResourcePut(eni with { Ipv6Addresses = [] }));
            if (IpAddressType == LoadBalancer.Dualstack && eni.Ipv6Addresses.IsEmpty)
            {
                if (Ipv6AddressAllocator.Allocate(state, state.Subnets[subnetId], [], 1, new HashSet<UInt128>(), out var added) is { } addressError)
                    return addressError;
                events.Add(new ResourcePut(eni with { Ipv6Addresses = [.. added] }));
            }
        }
        return Decision.Of(IpAddressType, events);
    }
}
