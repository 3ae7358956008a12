namespace LocalVpc.Core.Resources;

/// <summary>An internet gateway, attached to at most one VPC (a VPC has at most one).</summary>
public sealed record InternetGateway(string Id, string OwnerId, string? VpcId) : Resource(Id);
