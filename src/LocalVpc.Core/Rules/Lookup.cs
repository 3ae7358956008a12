namespace LocalVpc.Core.Rules;

/// <summary>Finds a resource named in a request, telling a malformed id from an unknown one as AWS does.</summary>
public static class Lookup
{
    public static Ec2Error? Vpc(AccountState state, string id, out Vpc vpc) =>
        Find(state.Vpcs, id, IdPrefix.Vpc, Ec2Errors.VpcIdMalformed, Ec2Errors.VpcNotFound, out vpc);

    public static Ec2Error? Subnet(AccountState state, string id, out Subnet subnet) =>
        Find(state.Subnets, id, IdPrefix.Subnet, Ec2Errors.SubnetIdMalformed, Ec2Errors.SubnetNotFound, out subnet);

    public static Ec2Error? SecurityGroup(AccountState state, string id, out SecurityGroup group) =>
        Find(state.SecurityGroups, id, IdPrefix.SecurityGroup, Ec2Errors.GroupIdMalformed, Ec2Errors.GroupNotFound, out group);

    public static Ec2Error? RouteTable(AccountState state, string id, out RouteTable table) =>
        Find(state.RouteTables, id, IdPrefix.RouteTable, Ec2Errors.RouteTableIdMalformed, Ec2Errors.RouteTableNotFound, out table);

    public static Ec2Error? NetworkAcl(AccountState state, string id, out NetworkAcl acl) =>
        Find(state.NetworkAcls, id, IdPrefix.NetworkAcl, Ec2Errors.NetworkAclIdMalformed, Ec2Errors.NetworkAclNotFound, out acl);

    public static Ec2Error? InternetGateway(AccountState state, string id, out InternetGateway gateway) =>
        Find(state.InternetGateways, id, IdPrefix.InternetGateway, Ec2Errors.InternetGatewayIdMalformed, Ec2Errors.InternetGatewayNotFound, out gateway);

    public static Ec2Error? NetworkInterface(AccountState state, string id, out NetworkInterface networkInterface) =>
        Find(state.NetworkInterfaces, id, IdPrefix.NetworkInterface, Ec2Errors.NetworkInterfaceIdMalformed, Ec2Errors.NetworkInterfaceNotFound, out networkInterface);

    public static Ec2Error? Instance(AccountState state, string id, out Instance instance) =>
        Find(state.Instances, id, IdPrefix.Instance, Ec2Errors.InstanceIdMalformed, Ec2Errors.InstanceNotFound, out instance);

    public static Ec2Error? Address(AccountState state, string id, out Address address) =>
        Find(state.Addresses, id, IdPrefix.ElasticIpAllocation, Ec2Errors.AllocationIdMalformed, Ec2Errors.AllocationNotFound, out address);

    /// <summary>An Elastic IP by allocation id, or else by public address (the older form).</summary>
    public static Ec2Error? Address(AccountState state, string? allocationId, string? publicIp, out Address address)
    {
        address = null!;
        if (allocationId is not null) return Address(state, allocationId, out address);
        if (publicIp is null) return Ec2Errors.MissingParameter("AllocationId");
        var found = state.Addresses.Values.FirstOrDefault(a => a.PublicIp == publicIp);
        if (found is null) return Ec2Errors.AddressNotFound(publicIp);
        address = found;
        return null;
    }

    public static Ec2Error? NatGateway(AccountState state, string id, out NatGateway gateway) =>
        Find(state.NatGateways, id, IdPrefix.NatGateway, Ec2Errors.NatGatewayIdMalformed, Ec2Errors.NatGatewayNotFound, out gateway);

    public static Ec2Error? VpcEndpoint(AccountState state, string id, out VpcEndpoint endpoint) =>
        Find(state.VpcEndpoints, id, IdPrefix.VpcEndpoint, Ec2Errors.VpcEndpointIdMalformed, Ec2Errors.VpcEndpointNotFound, out endpoint);

    /// <summary>An AWS-managed prefix list of the region.</summary>
    public static Ec2Error? PrefixList(AccountState state, string id, out PrefixList list)
    {
        list = ServiceCatalog.PrefixLists(state.Region).FirstOrDefault(p => p.Id == id)!;
        if (list is not null) return null;
        return IdPrefix.IsWellFormed(id, IdPrefix.PrefixList)
            ? Ec2Errors.PrefixListNotFound(id)
            : Ec2Errors.Malformed("InvalidPrefixListID.Malformed", id, IdPrefix.PrefixList);
    }

    public static Ec2Error? EndpointService(AccountState state, string id, out EndpointServiceConfiguration configuration) =>
        Find(state.EndpointServices, id, IdPrefix.EndpointService, Ec2Errors.EndpointServiceIdMalformed, Ec2Errors.EndpointServiceNotFound,
            out configuration);

    /// <summary>Security groups for an interface in <paramref name="subnet"/>: each must exist and be in its VPC.</summary>
    public static Ec2Error? GroupsForSubnet(AccountState state, IEnumerable<string> groupIds, Subnet subnet, out ImmutableArray<string> groups)
    {
        groups = [.. groupIds.Distinct()];
        if (groups.IsEmpty) groups = [state.DefaultSecurityGroupOf(subnet.VpcId).Id];
        foreach (var id in groups)
        {
            if (SecurityGroup(state, id, out var group) is { } error) return error;
            if (group.VpcId != subnet.VpcId) return Ec2Errors.GroupsInDifferentVpc(id, subnet.Id);
        }
        return null;
    }

    /// <summary>A route table association (<c>rtbassoc-…</c>) and the table that holds it.</summary>
    public static Ec2Error? RouteTableAssociation(AccountState state, string id, out RouteTable table, out RouteTableAssociation association)
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
    public static Ec2Error? SecurityGroupRule(AccountState state, string id, out SecurityGroupRule rule, out SecurityGroup group)
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
    public static Ec2Error? SecurityGroup(AccountState state, string? id, string? name, out SecurityGroup group)
    {
        if (id is not null) return SecurityGroup(state, id, out group);
        group = null!;
        if (name is null) return Ec2Errors.MissingParameter("GroupId");
        var vpc = state.DefaultVpc;
        if (vpc is null) return Ec2Errors.NoDefaultVpc();
        var found = state.SecurityGroupsOf(vpc.Id).FirstOrDefault(g => g.Name == name);
        if (found is null) return Ec2Errors.GroupNameNotFound(name, vpc.Id);
        group = found;
        return null;
    }

    private static Ec2Error? Find<T>(ImmutableSortedDictionary<string, T> table, string id, string prefix,
        Func<string, Ec2Error> malformed, Func<string, Ec2Error> notFound, out T value) where T : class
    {
        value = null!;
        if (!IdPrefix.IsWellFormed(id, prefix)) return malformed(id);
        if (!table.TryGetValue(id, out var found)) return notFound(id);
        value = found;
        return null;
    }
}
