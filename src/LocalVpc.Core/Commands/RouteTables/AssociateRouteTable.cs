namespace LocalVpc.Core.Commands.RouteTables;

/// <summary>AssociateRouteTable: a subnet of the same VPC gets this table instead of the main one.</summary>
public sealed record AssociateRouteTable(string RouteTableId, string? SubnetId, string? GatewayId) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.RouteTable.Find(state, RouteTableId, out var table) is { } error) return error;
        if (GatewayId is not null)
            return Ec2Errors.InvalidParameterValue("LocalVpc associates route tables with subnets; gateway (edge) associations are not served.");
        if (SubnetId is null) return Ec2Errors.MissingParameter("SubnetId");
        if (ResourceKinds.Subnet.Find(state, SubnetId, out var subnet) is { } subnetError) return subnetError;
        if (subnet.VpcId != table.VpcId)
            return Ec2Errors.InvalidParameterValue($"route table {table.Id} and subnet {subnet.Id} belong to different networks");
        if (state.RouteTablesOf(subnet.VpcId).Any(t => t.Associations.Any(a => a.SubnetId == subnet.Id)))
            return Ec2Errors.AlreadyAssociated($"the specified association for route table {table.Id} conflicts with an existing association");

        var association = new RouteTableAssociation(context.Ids.Next(IdPrefix.RouteTableAssociation), Main: false, subnet.Id);
        return Decision.Of(association.Id, new ResourcePut(table with { Associations = table.Associations.Add(association) }));
    }
}
