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
    public const string AnyIpv6 = "::/0";

    /// <summary>The set a new VPC gets: the region's default one while it exists, else none.</summary>
    private static string DefaultDhcpOptionsOf(AccountState state)
    {
        var id = state.DhcpOptionsId ?? throw new InvalidOperationException("Region not initialized");
        return state.Table(ResourceKinds.DhcpOptions).ContainsKey(id) ? id : DhcpOptions.NoneId;
    }

    /// <summary>Events that create a VPC and its defaults. The VPC is the first event.</summary>
    /// <param name="ipv6">An IPv6 block the VPC is created with, which brings its IPv6 defaults (<see cref="WithIpv6Defaults"/>).</param>
    public static List<Event> NewVpc(AccountState state, CommandContext context, Ipv4Cidr cidr, string tenancy, bool isDefault,
        VpcIpv6CidrAssociation? ipv6 = null)
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

        if (ipv6 is not null)
        {
            vpc = vpc with { Ipv6CidrAssociations = [ipv6] };
            mainTable = WithLocalRoute(mainTable, ipv6.Cidr);
            defaultAcl = WithIpv6Defaults(defaultAcl);
            defaultGroup = WithIpv6Egress(defaultGroup, context);
        }
        return [new ResourcePut(vpc), new ResourcePut(mainTable), new ResourcePut(defaultAcl), new ResourcePut(defaultGroup)];
    }

    /// <summary>
    /// Events that give an existing VPC another IPv6 block: its local route in every route table and, with the first block,
    /// the IPv6 defaults of its ACLs and default security group.
    /// </summary>
    public static List<Event> AddIpv6Block(AccountState state, CommandContext context, Vpc vpc, VpcIpv6CidrAssociation association)
    {
        List<Event> events = [new ResourcePut(vpc with { Ipv6CidrAssociations = vpc.Ipv6CidrAssociations.Add(association) })];
        events.AddRange(state.RouteTablesOf(vpc.Id).Select(t => new ResourcePut(WithLocalRoute(t, association.Cidr))));
        if (vpc.HasIpv6) return events;
        events.AddRange(state.NetworkAcls.Values.Where(a => a.VpcId == vpc.Id).Select(a => new ResourcePut(WithIpv6Defaults(a))));
        if (state.SecurityGroups.Values.FirstOrDefault(g => g.VpcId == vpc.Id && g.IsDefault) is { } group)
            events.Add(new ResourcePut(WithIpv6Egress(group, context)));
        return events;
    }

    /// <summary>The local route AWS adds for a VPC's block to each of its route tables.</summary>
    public static RouteTable WithLocalRoute(RouteTable table, Ipv6Cidr block) =>
        table with { Routes = table.Routes.Add(new Route(null, block.ToString(), null, RouteTarget.Local, Route.OriginCreateRouteTable)) };

    /// <summary>
    /// An ACL of a VPC with IPv6: final IPv6 denies both ways, and in the default ACL rule 101 allowing all IPv6 in each
    /// direction whose rules are still the defaults (https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html).
    /// </summary>
    public static NetworkAcl WithIpv6Defaults(NetworkAcl acl)
    {
        var entries = acl.Entries.ToList();
        foreach (var egress in new[] { true, false })
        {
            var direction = entries.Where(e => e.Egress == egress).ToList();
            if (direction.Any(e => e.IsIpv6)) continue;
            var unmodified = direction.Count == 2 && direction.Exists(e => e is { RuleNumber: 100, Protocol: "-1", RuleAction: "allow", CidrBlock: AnyIpv4 });
            if (acl.IsDefault && unmodified) entries.Add(new NetworkAclEntry(101, "-1", "allow", egress, AnyIpv6));
            entries.Add(new NetworkAclEntry(NetworkAclEntry.FinalIpv6Rule, "-1", "deny", egress, AnyIpv6));
        }
        return acl with { Entries = [.. entries.OrderBy(e => e.RuleNumber)] };
    }

    /// <summary>
    /// A group of a VPC with IPv6 lets all IPv6 out, as all IPv4 (the default group, and every group created after); a group
    /// that has the rule already keeps it as it is.
    /// </summary>
    public static SecurityGroup WithIpv6Egress(SecurityGroup group, CommandContext context) =>
        group.Rules.Any(r => r is { IsEgress: true, IpProtocol: "-1", Peer.CidrIpv6: AnyIpv6 }) ? group : group with { Rules = group.Rules.Add(new SecurityGroupRule(context.Ids.Next(IdPrefix.SecurityGroupRule), IsEgress: true, "-1", null, null,
            new RulePeer(CidrIpv6: AnyIpv6), null)) };

    /// <summary>A new subnet, associated with its VPC's default network ACL.</summary>
    public static Subnet NewSubnet(AccountState state, CommandContext context, Vpc vpc, string defaultAclId, Ipv4Cidr? cidr,
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
