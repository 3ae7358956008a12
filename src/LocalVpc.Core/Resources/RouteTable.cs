namespace LocalVpc.Core.Resources;

/// <summary>A route table. Subnets without an association of their own use the VPC's main table.</summary>
public sealed record RouteTable(
    string Id,
    string VpcId,
    string OwnerId,
    ImmutableArray<Route> Routes,
    ImmutableArray<RouteTableAssociation> Associations) : Resource(Id)
{
    public bool IsMain => Associations.Any(a => a.Main);
}
