namespace LocalVpc.Core.Validation;

/// <summary>
/// Finds what a request names in ways beyond one id of one kind (that is <see cref="ResourceKind{T}.Find"/>): by name or
/// public address, associations and rules inside other resources, groups for a subnet.
/// </summary>
public static class Lookup
{
    /// <summary>An Elastic IP by allocation id, or else by public address (the older form).</summary>
    public static AwsError? Address(AccountState state, string? allocationId, string? publicIp, out Address address)
    {
        address = null!;
        if (allocationId is not null) return ResourceKinds.Address.Find(state, allocationId, out address);
        if (publicIp is null) return Ec2Errors.MissingParameter("AllocationId");
        var found = state.Addresses.Values.FirstOrDefault(a => a.PublicIp == publicIp);
        if (found is null) return Ec2Errors.AddressNotFound(publicIp);
        address = found;
        return null;
    }

    /// <summary>An AWS-managed prefix list of the region.</summary>
    public static AwsError? PrefixList(AccountState state, string id, out PrefixList list)
    {
        list = ServiceCatalog.PrefixLists(state.Region).FirstOrDefault(p => p.Id == id)!;
        if (list is not null) return null;
        return IdPrefix.IsWellFormed(id, IdPrefix.PrefixList) ? Ec2Errors.PrefixListNotFound(id) : Ec2Errors.PrefixListIdMalformed(id);
    }

    /// <summary>The blocks of a prefix list the account can use: one of AWS's, or one of its own; null when there is none.</summary>
    public static ImmutableArray<string>? PrefixListCidrs(AccountState state, string id) =>
        ServiceCatalog.PrefixLists(state.Region).FirstOrDefault(p => p.Id == id)?.Cidrs
        ?? (state.Table(ResourceKinds.ManagedPrefixList).TryGetValue(id, out var own) ? [.. own.Entries.Select(e => e.Cidr)] : null);

    /// <summary>Security groups for an interface in <paramref name="subnet"/>: each must exist and be in its VPC.</summary>
    public static AwsError? GroupsForSubnet(AccountState state, IEnumerable<string> groupIds, Subnet subnet, out ImmutableArray<string> groups)
    {
        groups = [.. groupIds.Distinct()];
        if (groups.IsEmpty) groups = [state.DefaultSecurityGroupOf(subnet.VpcId).Id];
        foreach (var id in groups)
        {
            if (ResourceKinds.SecurityGroup.Find(state, id, out var group) is { } error) return error;
            if (group.VpcId != subnet.VpcId) return Ec2Errors.GroupsInDifferentVpc(id, subnet.Id);
        }
        return null;
    }

    /// <summary>A route table association (<c>rtbassoc-…</c>) and the table that holds it.</summary>
    public static AwsError? RouteTableAssociation(AccountState state, string id, out RouteTable table, out RouteTableAssociation association)
    {
        (table, association) = (null!, null!);
        foreach (var t in state.RouteTables.Values)
            foreach (var a in t.Associations)
                if (a.Id == id)
                {
                    (table, association) = (t, a);
                    return null;
                }
        return Ec2Errors.RouteTableAssociationNotFound(id);
    }

    /// <summary>A security group rule by id, with the group that holds it.</summary>
    public static AwsError? SecurityGroupRule(AccountState state, string id, out SecurityGroupRule rule, out SecurityGroup group)
    {
        (rule, group) = (null!, null!);
        if (!IdPrefix.IsWellFormed(id, IdPrefix.SecurityGroupRule)) return Ec2Errors.RuleIdMalformed(id);
        foreach (var g in state.SecurityGroups.Values)
            foreach (var r in g.Rules)
                if (r.Id == id)
                {
                    (rule, group) = (r, g);
                    return null;
                }
        return Ec2Errors.RuleNotFound(id);
    }

    /// <summary>A group named by id, or else by name in the default VPC (the legacy EC2-Classic form AWS still accepts).</summary>
    public static AwsError? SecurityGroup(AccountState state, string? id, string? name, out SecurityGroup group)
    {
        if (id is not null) return ResourceKinds.SecurityGroup.Find(state, id, out group);
        group = null!;
        if (name is null) return Ec2Errors.MissingParameter("GroupId");
        var vpc = state.DefaultVpc;
        if (vpc is null) return Ec2Errors.NoDefaultVpc();
        var found = state.SecurityGroupsOf(vpc.Id).FirstOrDefault(g => g.Name == name);
        if (found is null) return Ec2Errors.GroupNameNotFound(name, vpc.Id);
        group = found;
        return null;
    }
}
