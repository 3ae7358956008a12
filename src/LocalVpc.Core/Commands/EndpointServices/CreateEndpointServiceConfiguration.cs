namespace LocalVpc.Core.Commands.EndpointServices;

/// <summary>
/// CreateVpcEndpointServiceConfiguration: a service behind network load balancers of this account. A private
/// DNS name starts pendingVerification, with the TXT record the provider would publish to prove it.
/// </summary>
public sealed record CreateEndpointServiceConfiguration(ImmutableArray<string> NetworkLoadBalancerArns, bool AcceptanceRequired,
    string? PrivateDnsName, ImmutableArray<TagSpecification> TagSpecifications, ImmutableArray<string> SupportedIpAddressTypes = default)
    : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (NetworkLoadBalancerArns.IsEmpty) return Ec2Errors.MissingParameter("NetworkLoadBalancerArn");
        if (NetworkLoadBalancerArns.FirstOrDefault(a => !state.LoadBalancers.ContainsKey(a)) is { } unknown)
            return Ec2Errors.InvalidParameter($"The network load balancer ARN '{unknown}' is not valid.");
        if (PrivateDnsName is not null && PrivateDnsNames.Check(PrivateDnsName) is { } dnsError) return dnsError;
        ImmutableArray<string> types = SupportedIpAddressTypes.IsDefaultOrEmpty ? [EndpointService.Ipv4] : [.. SupportedIpAddressTypes.Distinct()];
        if (ServiceIpTypes.Check(state, types, NetworkLoadBalancerArns) is { } typeError) return typeError;

        var id = context.Ids.Next(IdPrefix.EndpointService);
        var configuration = new EndpointServiceConfiguration(id, state.Scope.Account, state.Scope.Region, AcceptanceRequired,
            [.. NetworkLoadBalancerArns.Distinct()], PrivateDnsName, PrivateDnsName is null ? null : "pendingVerification",
            VerificationToken: context.Ids.Next("t")[^16..], [], types);
        if (TagRules.ForNewResource(TagSpecifications, "vpc-endpoint-service", id, out var tags) is { } tagError) return tagError;
        List<Event> events = [new ResourcePut(configuration)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(id, events);
    }
}
