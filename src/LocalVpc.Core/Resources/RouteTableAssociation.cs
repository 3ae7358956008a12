namespace LocalVpc.Core.Resources;

/// <summary>A route table's association: with the VPC (main) or with one subnet.</summary>
public sealed record RouteTableAssociation(string Id, bool Main, string? SubnetId);
