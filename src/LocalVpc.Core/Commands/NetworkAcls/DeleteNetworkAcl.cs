namespace LocalVpc.Core.Commands.NetworkAcls;

/// <summary>DeleteNetworkAcl: not the VPC's default ACL, and not while a subnet is associated with it.</summary>
public sealed record DeleteNetworkAcl(string NetworkAclId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.NetworkAcl.Find(state, NetworkAclId, out var acl) is { } error) return error;
        if (acl.IsDefault) return Ec2Errors.CannotDeleteDefaultAcl(acl.Id);
        if (state.AssociationsOf(acl).Any()) return Ec2Errors.NetworkAclDependencyViolation(acl.Id);
        return Decision.Of(true, new ResourceRemoved(acl.Id));
    }
}
