namespace LocalVpc.Core.Validation;

/// <summary>
/// Which security groups a rule may name as its peer: a group of the same VPC, or of a VPC peered with it by an active
/// connection, in this account or the peer's (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html).
/// </summary>
public static class GroupReferences
{
    public static AwsError? Check(AccountState state, RegionSnapshot region, SecurityGroup group, RulePeer peer)
    {
        if (peer.GroupId is not { } id) return null;
        var owner = peer.GroupOwnerId ?? state.Scope.Account;
        var groups = owner == state.Scope.Account ? state.SecurityGroups : region.Account(owner).SecurityGroups;
        if (!groups.TryGetValue(id, out var referenced))
            return IdPrefix.IsWellFormed(id, IdPrefix.SecurityGroup) ? Ec2Errors.GroupNotFound(id) : Ec2Errors.GroupIdMalformed(id);
        if (referenced.VpcId == group.VpcId || IsPeered(state, group.VpcId, referenced.VpcId)) return null;
        return new AwsError("InvalidGroup.NotFound", "You have specified two resources that belong to different networks.");
    }

    /// <summary>Whether an active peering joins the two VPCs (the account of the first holds a copy of it).</summary>
    public static bool IsPeered(AccountState state, string vpcId, string otherVpcId) =>
        state.Table(ResourceKinds.VpcPeeringConnection).Values.Any(p => p.IsActive && p.SidesFrom(vpcId)?.Remote.VpcId == otherVpcId);
}
