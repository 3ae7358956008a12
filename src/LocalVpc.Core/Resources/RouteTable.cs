namespace LocalVpc.Core.Resources;

/// <summary>A route table. Subnets without an association of their own use the VPC's main table.</summary>
/// <param name="PropagatingGateways">Virtual private gateways whose routes it takes (none arrive: there are no VPN connections).</param>
public sealed record RouteTable(
    string Id,
    string VpcId,
    string OwnerId,
    ImmutableArray<Route> Routes,
    ImmutableArray<RouteTableAssociation> Associations,
    ImmutableArray<string> PropagatingGateways = default) : Resource(Id)
{
    /// <summary>Empty, not default, when a table was written before gateways could propagate.</summary>
    public ImmutableArray<string> PropagatingGateways { get; init; } = PropagatingGateways.IsDefault ? [] : PropagatingGateways;

    public bool IsMain => Associations.Any(a => a.Main);
}
