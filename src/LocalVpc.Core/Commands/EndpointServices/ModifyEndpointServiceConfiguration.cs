namespace LocalVpc.Core.Commands.EndpointServices;

/// <summary>
/// ModifyVpcEndpointServiceConfiguration: acceptance, load balancers (at least one stays), the private DNS name
/// (a new one goes back to pendingVerification), and the supported IP address types (at least one stays; ipv6 only behind
/// dual-stack balancers).
/// </summary>
public sealed record ModifyEndpointServiceConfiguration(string ServiceId, bool? AcceptanceRequired, string? PrivateDnsName,
    bool RemovePrivateDnsName, ImmutableArray<string> AddNetworkLoadBalancerArns, ImmutableArray<string> RemoveNetworkLoadBalancerArns,
    ImmutableArray<string> AddSupportedIpAddressTypes = default, ImmutableArray<string> RemoveSupportedIpAddressTypes = default)
    : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.EndpointService.Find(state, ServiceId, out var configuration) is { } error) return error;
        if (PrivateDnsName is not null && RemovePrivateDnsName)
            return Ec2Errors.InvalidParameterCombination("PrivateDnsName and RemovePrivateDnsName cannot be given together.");
        if (PrivateDnsName is not null && PrivateDnsNames.Check(PrivateDnsName) is { } dnsError) return dnsError;
        if (AddNetworkLoadBalancerArns.FirstOrDefault(a => !state.LoadBalancers.ContainsKey(a)) is { } unknown)
            return Ec2Errors.InvalidParameter($"The network load balancer ARN '{unknown}' is not valid.");
        var balancers = configuration.NetworkLoadBalancerArns.Except(RemoveNetworkLoadBalancerArns).Union(AddNetworkLoadBalancerArns).ToImmutableArray();
        if (balancers.IsEmpty) return Ec2Errors.InvalidParameter("An endpoint service needs at least one network load balancer.");
        var types = configuration.SupportedIpAddressTypes.Except(RemoveSupportedIpAddressTypes.IsDefault ? [] : RemoveSupportedIpAddressTypes)
            .Union(AddSupportedIpAddressTypes.IsDefault ? [] : AddSupportedIpAddressTypes).ToImmutableArray();
        if (ServiceIpTypes.Check(state, types, balancers) is { } typeError) return typeError;

        var updated = configuration with
        {
            AcceptanceRequired = AcceptanceRequired ?? configuration.AcceptanceRequired,
            NetworkLoadBalancerArns = balancers,
            SupportedIpAddressTypes = types,
        };
        if (RemovePrivateDnsName) updated = updated with { PrivateDnsName = null, PrivateDnsState = null };
        else if (PrivateDnsName is not null && PrivateDnsName != configuration.PrivateDnsName)
            updated = updated with { PrivateDnsName = PrivateDnsName, PrivateDnsState = "pendingVerification", VerificationToken = context.Ids.Next("t")[^16..] };
        return Decision.Of(true, new ResourcePut(updated));
    }
}
