namespace LocalVpc.Core.Commands.Addresses;

/// <summary>AllocateAddress: an Elastic IP from LocalVpc's public pool (198.18.0.0/15), for use in a VPC.</summary>
public sealed record AllocateAddress(string? Domain, ImmutableArray<TagSpecification> TagSpecifications) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (Domain is not (null or "vpc")) return Ec2Errors.InvalidParameterValue("domain", Domain);
        if (state.Addresses.Count >= context.Quotas[ServiceQuotas.ElasticIpsPerRegion]) return Ec2Errors.AddressLimitExceeded();
        if (PublicAddressPool.Allocate(state, new HashSet<uint>(), out var publicIp) is { } error) return error;
        var address = new Address(context.Ids.Next(IdPrefix.ElasticIpAllocation), publicIp, state.Scope.Account, null, null, null);
        if (TagRules.ForNewResource(TagSpecifications, "elastic-ip", address.Id, out var tags) is { } tagError) return tagError;
        List<Event> events = [new ResourcePut(address)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(address.Id, events);
    }
}
