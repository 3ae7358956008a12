namespace LocalVpc.Core.Commands.RouteTables;

/// <summary>CreateRouteTable: a table with a local route for each of the VPC's blocks and no associations.</summary>
public sealed record CreateRouteTable(string VpcId, ImmutableArray<TagSpecification> TagSpecifications) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.Vpc.Find(state, VpcId, out var vpc) is { } error) return error;
        var table = new RouteTable(context.Ids.Next(IdPrefix.RouteTable), vpc.Id, state.Scope.Account,
            [.. vpc.CidrAssociations.Select(a => Route.Local(a.CidrBlock))], []);
        if (TagRules.ForNewResource(TagSpecifications, "route-table", table.Id, out var tags) is { } tagError) return tagError;
        List<Event> events = [new ResourcePut(table)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(table.Id, events);
    }
}
