namespace LocalVpc.Core.Allocation;

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

    /// <summary>The set a new VPC gets: the region's default one while it exists, else none.</summary>
    private static string DefaultDhcpOptionsOf(AccountState state)
    {
        var id = state.DhcpOptionsId ?? throw new InvalidOperationException("Region not initialized");
        return state.Table(ResourceKinds.DhcpOptions).ContainsKey(id) ? id : DhcpOptions.NoneId;
    }

    /// <summary>Events that create a VPC and its defaults. The VPC is the first event.</summary>
    public static List<Event> NewVpc(AccountState state, CommandContext context, Ipv4Cidr cidr, string tenancy, bool isDefault)
    {
        var owner = state.Scope.Account;
        var vpcId = context.Ids.Next(IdPrefix.Vpc);
        var vpc = new Vpc(vpcId, owner,
            [new VpcCidrAssociation(context.Ids.Next(IdPrefix.VpcCidrAssociation), cidr)],
            DefaultDhcpOptionsOf(state),
            tenancy, isDefault, EnableDnsSupport: true, EnableDnsHostnames: isDefault, EnableNetworkAddressUsageMetrics: false);

        var mainTable = new RouteTable(context.Ids.Next(IdPrefix.RouteTable), vpcId, owner, [Route.Local(cidr.ToString())],
            [new RouteTableAssociation(context.Ids.Next(IdPrefix.RouteTableAssociation), Main: true, SubnetId: null)]);

        var defaultAcl = new NetworkAcl(context.Ids.Next(IdPrefix.NetworkAcl), vpcId, owner, IsDefault: true,
            [
                new NetworkAclEntry(100, "-1", "allow", Egress: true, AnyIpv4),
                new NetworkAclEntry(NetworkAclEntry.FinalRule, "-1", "deny", Egress: true, AnyIpv4),
                new NetworkAclEntry(100, "-1", "allow", Egress: false, AnyIpv4),
                new NetworkAclEntry(NetworkAclEntry.FinalRule, "-1", "deny", Egress: false, AnyIpv4),
            ]);

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

    /// <summary>A new subnet, associated with its VPC's default network ACL.</summary>
    public static Subnet NewSubnet(AccountState state, CommandContext context, Vpc vpc, string defaultAclId, Ipv4Cidr cidr,
        AvailabilityZone zone, bool defaultForAz) =>
        new(context.Ids.Next(IdPrefix.Subnet), vpc.Id, state.Scope.Account, cidr, zone.Name, zone.ZoneId,
            defaultForAz, MapPublicIpOnLaunch: defaultForAz, defaultAclId, context.Ids.Next(IdPrefix.NetworkAclAssociation));

    /// <summary>
    /// The default VPC: 172.31.0.0/16 with a default /20 subnet in each zone, public IPs on launch, and an
    /// attached internet gateway that the main route table sends 0.0.0.0/0 to.
    /// </summary>
    public static List<Event> NewDefaultVpc(AccountState state, CommandContext context)
    {
        Ipv4Cidr.TryParse(DefaultVpcCidr, out var block);
        var events = NewVpc(state, context, block, "default", isDefault: true);
        var vpc = (Vpc)((ResourcePut)events[0]).Resource;
        var acl = (NetworkAcl)events.OfType<ResourcePut>().Select(p => p.Resource).First(r => r is NetworkAcl);
        var mainTableIndex = events.FindIndex(e => e is ResourcePut { Resource: RouteTable });
        var mainTable = (RouteTable)((ResourcePut)events[mainTableIndex]).Resource;
        var gateway = new InternetGateway(context.Ids.Next(IdPrefix.InternetGateway), state.Scope.Account, vpc.Id);
        events[mainTableIndex] = new ResourcePut(mainTable with
        {
            Routes = mainTable.Routes.Add(new Route(AnyIpv4, null, null, new RouteTarget(GatewayId: gateway.Id), Route.OriginCreateRoute)),
        });
        events.Add(new ResourcePut(gateway));
        var size = 1u << (32 - DefaultSubnetPrefixLength);
        var index = 0u;
        foreach (var zone in state.Region.Zones)
        {
            var cidr = new Ipv4Cidr(block.Network + index++ * size, DefaultSubnetPrefixLength);
            events.Add(new ResourcePut(NewSubnet(state, context, vpc, acl.Id, cidr, zone, defaultForAz: true)));
        }
        return events;
    }
}
