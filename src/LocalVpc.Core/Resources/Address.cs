namespace LocalVpc.Core.Resources;

/// <summary>
/// An Elastic IP address (<c>eipalloc-…</c>), and where it points when associated: one private address of
/// a network interface (an instance's primary interface, or a NAT gateway's).
/// </summary>
public sealed record Address(string Id, string PublicIp, string OwnerId, string? AssociationId, string? NetworkInterfaceId,
    string? PrivateIpAddress) : Resource(Id)
{
    public bool IsAssociated => AssociationId is not null;
}
