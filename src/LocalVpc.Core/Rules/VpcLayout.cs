namespace LocalVpc.Core.Rules;

/// <summary>
/// What AWS creates with every VPC: the main route table with its local route, the default network ACL
/// and the default security group (https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html).
/// </summary>
public static class VpcLayout
{
    public const string DefaultVpcCidr = "172.31.0.0/16";
    public const int DefaultSubnetPrefixLength = 20;
    public const string DefaultGroupDescription = "default VPC security group";
    public const string AnyIpv4 = "0.0.0.0/0";

    /// <summary>Events that create a VPC and its defaults. The VPC is the first event.</summary>
    public static List<Event> NewVpc(RegionState state, CommandContext context, string cidr, string tenancy, bool isDefault)
    {
        var owner = state.Scope.Account;
        var vpcId = context.Ids.Next(IdPrefix.Vpc);
        var vpc = new Vpc(vpcId, owner, cidr,
            [new VpcCidrAssociation(context.Ids.Next(IdPrefix.VpcCidrAssociation), cidr)],
            state.DhcpOptionsId ?? throw new InvalidOperationException("Region not initialized"),
            tenancy, isDefault, EnableDnsSupport: true, EnableDnsHostnames: isDefault, EnableNetworkAddressUsageMetrics: false);

        var mainTable = new RouteTable(context.Ids.Next(IdPrefix.RouteTable), vpcId, owner, [Route.Local(cidr)],
            [new RouteTableAssociation(context.Ids.Next(IdPrefix.RouteTableAssociation), Main: true, SubnetId: null)]);

        var defaultAcl = new NetworkAcl(context.Ids.Next(IdPrefix.NetworkAcl), vpcId, owner, IsDefault: true,
            [
                new NetworkAclEntry(100, "-1", "allow", Egress: true, AnyIpv4),
                new NetworkAclEntry(NetworkAclEntry.FinalRule, "-1", "deny", Egress: true, AnyIpv4),
                new NetworkAclEntry(100, "-1", "allow", Egress: false, AnyIpv4),
                new NetworkAclEntry(NetworkAclEntry.FinalRule, "-1", "deny", Egress: false, AnyIpv4),
            ], []);

        var groupId = context.Ids.Next(IdPrefix.SecurityGroup);
        var defaultGroup = new SecurityGroup(groupId, SecurityGroup.DefaultName, DefaultGroupDescription, vpcId, owner,
            [
                new SecurityGroupRule(context.Ids.Next(IdPrefix.SecurityGroupRule), IsEgress: false, "-1", null, null,
                    RulePeer.Group(groupId, owner), null),
                new SecurityGroupRule(context.Ids.Next(IdPrefix.SecurityGroupRule), IsEgress: true, "-1", null, null,
                    RulePeer.Ipv4(AnyIpv4), null),
            ]);

        return [new ResourcePut(vpc), new ResourcePut(mainTable), new ResourcePut(defaultAcl), new ResourcePut(defaultGroup)];
    }

    /// <summary>
    /// Events that create a subnet and associate it with its VPC's default network ACL.
    /// <paramref name="acl"/> is the ACL as it stands after earlier events of the same command.
    /// </summary>
    public static (Subnet Subnet, NetworkAcl Acl) NewSubnet(RegionState state, CommandContext context, Vpc vpc,
        NetworkAcl acl, Ipv4Cidr cidr, AvailabilityZone zone, bool defaultForAz)
    {
        var subnet = new Subnet(context.Ids.Next(IdPrefix.Subnet), vpc.Id, state.Scope.Account, cidr.ToString(),
            zone.Name, zone.ZoneId, defaultForAz, MapPublicIpOnLaunch: defaultForAz);
        var association = new NetworkAclAssociation(context.Ids.Next(IdPrefix.NetworkAclAssociation), subnet.Id);
        return (subnet, acl with { Associations = acl.Associations.Add(association) });
    }

    /// <summary>The default VPC: 172.31.0.0/16 with a default /20 subnet in each zone, public IPs on launch.</summary>
    public static List<Event> NewDefaultVpc(RegionState state, CommandContext context)
    {
        var events = NewVpc(state, context, DefaultVpcCidr, "default", isDefault: true);
        var vpc = (Vpc)((ResourcePut)events[0]).Resource;
        var acl = (NetworkAcl)events.OfType<ResourcePut>().Select(p => p.Resource).First(r => r is NetworkAcl);
        Ipv4Cidr.TryParse(DefaultVpcCidr, out var block);
        var size = 1u << (32 - DefaultSubnetPrefixLength);
        var index = 0u;
        foreach (var zone in state.Region.Zones)
        {
            var cidr = new Ipv4Cidr(block.Network + index++ * size, DefaultSubnetPrefixLength);
            (var subnet, acl) = NewSubnet(state, context, vpc, acl, cidr, zone, defaultForAz: true);
            events.Add(new ResourcePut(subnet));
        }
        events.Add(new ResourcePut(acl));
        return events;
    }
}
