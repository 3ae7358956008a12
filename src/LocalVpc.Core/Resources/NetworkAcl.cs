namespace LocalVpc.Core.Resources;

/// <summary>
/// A network ACL: stateless, numbered allow and deny rules for the subnets associated with it. Its
/// associations are recorded on the subnets (<see cref="Subnet.NetworkAclId"/>).
/// </summary>
public sealed record NetworkAcl(
    string Id,
    string VpcId,
    string OwnerId,
    bool IsDefault,
    ImmutableArray<NetworkAclEntry> Entries) : Resource(Id);
