namespace LocalVpc.Core.Resources;

/// <summary>A network ACL: stateless, numbered allow and deny rules for the subnets associated with it.</summary>
public sealed record NetworkAcl(
    string Id,
    string VpcId,
    string OwnerId,
    bool IsDefault,
    ImmutableArray<NetworkAclEntry> Entries,
    ImmutableArray<NetworkAclAssociation> Associations) : Resource(Id);
