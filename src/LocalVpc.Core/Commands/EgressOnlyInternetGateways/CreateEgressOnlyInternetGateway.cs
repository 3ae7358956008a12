namespace LocalVpc.Core.Commands.EgressOnlyInternetGateways;

/// <summary>CreateEgressOnlyInternetGateway: one VPC's IPv6 way out, attached at once.</summary>
public sealed record CreateEgressOnlyInternetGateway(string? VpcId, ImmutableArray<TagSpecification> TagSpecifications) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (VpcId is null) return Ec2Errors.MissingParameter("VpcId");
        if (ResourceKinds.Vpc.Find(state, VpcId, out var vpc) is { } error) return error;
        var gateway = new EgressOnlyInternetGateway(context.Ids.Next(IdPrefix.EgressOnlyInternetGateway), state.Scope.Account, vpc.Id);
        if (TagRules.ForNewResource(TagSpecifications, "egress-only-internet-gateway", gateway.Id, out var tags) is { } tagError) return tagError;
        List<Event> events = [new ResourcePut(gateway)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(gateway.Id, events);
    }
}
