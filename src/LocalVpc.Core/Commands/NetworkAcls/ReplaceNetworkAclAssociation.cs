namespace LocalVpc.Core.Commands.NetworkAcls;

/// <summary>ReplaceNetworkAclAssociation: the subnet of an association moves to another ACL of its VPC, under a new association id.</summary>
public sealed record ReplaceNetworkAclAssociation(string AssociationId, string NetworkAclId) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        var subnet = state.Subnets.Values.FirstOrDefault(s => s.NetworkAclAssociationId == AssociationId);
        if (subnet is null) return Ec2Errors.NetworkAclAssociationNotFound(AssociationId);
        if (ResourceKinds.NetworkAcl.Find(state, NetworkAclId, out var acl) is { } error) return error;
        if (acl.VpcId != subnet.VpcId)
            return Ec2Errors.InvalidParameterValue($"network acl {acl.Id} and subnet {subnet.Id} belong to different networks");
        var moved = subnet with { NetworkAclId = acl.Id, NetworkAclAssociationId = context.Ids.Next(IdPrefix.NetworkAclAssociation) };
        return Decision.Of(moved.NetworkAclAssociationId, new ResourcePut(moved));
    }
}
