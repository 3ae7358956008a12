namespace LocalVpc.Core.Commands.Subnets;

/// <summary>DeleteSubnet: removes the subnet (its network ACL association with it) and its route table associations.</summary>
public sealed record DeleteSubnet(string SubnetId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.Subnet.Find(state, SubnetId, out var subnet) is { } error) return error;
        if (state.NetworkInterfacesIn(subnet.Id).Any()) return Ec2Errors.SubnetDependencyViolation(subnet.Id);
        List<Event> events = [];
        foreach (var table in state.RouteTablesOf(subnet.VpcId).Where(t => t.Associations.Any(x => x.SubnetId == subnet.Id)))
            events.Add(new ResourcePut(table with { Associations = table.Associations.RemoveAll(x => x.SubnetId == subnet.Id) }));
        events.Add(new ResourceRemoved(subnet.Id));
        return Decision.Of(true, events);
    }
}
