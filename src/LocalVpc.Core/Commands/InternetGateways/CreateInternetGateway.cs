namespace LocalVpc.Core.Commands.InternetGateways;

/// <summary>CreateInternetGateway: a detached gateway.</summary>
public sealed record CreateInternetGateway(ImmutableArray<TagSpecification> TagSpecifications) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        var gateway = new InternetGateway(context.Ids.Next(IdPrefix.InternetGateway), state.Scope.Account, VpcId: null);
        if (TagRules.ForNewResource(TagSpecifications, "internet-gateway", gateway.Id, out var tags) is { } tagError) return tagError;
        List<Event> events = [new ResourcePut(gateway)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(gateway.Id, events);
    }
}
