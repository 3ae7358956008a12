using LocalVpc.Core.Commands.EgressOnlyInternetGateways;
using LocalVpc.Core.Commands.Instances;
using LocalVpc.Core.Commands.InternetGateways;
using LocalVpc.Core.Commands.NetworkAcls;
using LocalVpc.Core.Commands.RouteTables;
using LocalVpc.Core.Commands.SecurityGroups;
using LocalVpc.Core.Commands.Subnets;
using LocalVpc.Core.Commands.VpcEndpoints;
using LocalVpc.Core.Commands.Vpcs;

namespace LocalVpc.Analysis.Tests;

/// <summary>IPv6 flows through the same hops as IPv4: routes, gateways, groups and ACLs of their own family.</summary>
public sealed class Ipv6AnalysisTests
{
    private const string KmsName = "kms.us-east-1.amazonaws.com";
    private const string Public6 = "2001:4860:4860::8888";

    /// <summary>A dual-stack VPC: a /56, a /64 subnet that gives IPv6 addresses, and a running instance holding one.</summary>
    private static (string Vpc, string Subnet, string Instance, string Group) DualStack(TestNetwork network)
    {
        var vpc = network.Run(new CreateVpc("10.0.0.0/16", null, [], new Ipv6BlockRequest(true, null, null, null)));
        network.Run(new ModifyVpcAttribute(vpc, null, EnableDnsHostnames: true, null));
        var block = network.State.Vpcs[vpc].Ipv6Cidrs.Single();
        var subnet = network.Run(new CreateSubnet(vpc, "10.0.1.0/24", "us-east-1a", null, [], block.Child(64, 1).ToString()));
        network.Run(new ModifySubnetAttribute(subnet, new SubnetAttributeChange(AssignIpv6AddressOnCreation: true)));
        var group = network.Run(new CreateSecurityGroup("app", "app", vpc, []));
        var instance = network.Run(new RunInstances("ami-12345678", null, null, 1, 1, new InstanceLaunch(subnet, [group], null, null, null), []))[0];
        return (vpc, subnet, instance, group);
    }

    [Fact]
    public void Analyze_DualStackEndpoint_ReachesTheServiceOverIpv6WhenTheGroupAllowsIpv6()
    {
        var network = new TestNetwork();
        var (vpc, subnet, instance, _) = DualStack(network);
        var block = network.State.Vpcs[vpc].Ipv6CidrAssociations[0].Ipv6CidrBlock;
        var group = network.Group(vpc, "endpoint", 443, "10.0.0.0/16");
        var endpoint = network.Run(new CreateVpcEndpoint(vpc, "Interface", "com.amazonaws.us-east-1.kms", [subnet], [group], [], null, true,
            "dualstack", null, null, null, []));
        network.Time.Now += TimeSpan.FromSeconds(1);

        var overIpv4 = network.Analyze(instance, KmsName, 443);
        var refused = network.Analyze(instance, KmsName, 443, preferIpv6: true);
        network.Run(new AuthorizeSecurityGroupRules(group, null, IsEgress: false, [new RuleSpec("tcp", 443, 443, new RulePeer(CidrIpv6: block), null)], []));
        var overIpv6 = network.Analyze(instance, KmsName, 443, preferIpv6: true);

        Assert.True(overIpv4.Reachable, overIpv4.Fix);
        Assert.False(refused.Reachable);
        Assert.Equal(HopComponent.SecurityGroupIngress, refused.Hops[^1].Component);
        Assert.Contains("IPv6", refused.Hops[^1].Detail);
        Assert.True(overIpv6.Reachable, overIpv6.Fix);
        var endpointInterface = network.State.NetworkInterfaces[network.State.VpcEndpoints[endpoint].NetworkInterfaceIds[0]];
        Assert.Equal(endpointInterface.Ipv6Address, overIpv6.DestinationAddress);
        Assert.Equal(new ServiceTerminus("com.amazonaws.us-east-1.kms", endpoint), overIpv6.Terminus);
    }

    [Fact]
    public void Analyze_Ipv6ToTheInternet_NeedsAnIpv6RouteAndGoesOutThroughTheEgressOnlyGateway()
    {
        var network = new TestNetwork();
        var (vpc, _, instance, _) = DualStack(network);

        var noRoute = network.Analyze(instance, Public6, 443, network.Policy(internet: true));
        var eigw = network.Run(new CreateEgressOnlyInternetGateway(vpc, []));
        network.Run(new PutRoute(network.State.MainRouteTableOf(vpc).Id, null, "::/0", null,
            new RouteTargetSpec(null, null, null, null, null, null, eigw), Replace: false));
        var routed = network.Analyze(instance, Public6, 443, network.Policy(internet: true));

        Assert.Equal(Explanations.NoRouteToDestination, noRoute.ExplanationCode);
        Assert.Contains("IPv6", noRoute.Hops[^1].Detail);
        Assert.True(routed.Reachable, routed.Fix);
        Assert.Contains(routed.Hops, h => h.Component == HopComponent.EgressOnlyInternetGateway && h.ResourceId == eigw);
        Assert.Equal(new InternetTerminus(eigw, Public6), routed.Terminus);
    }

    [Fact]
    public void Analyze_ConnectionFromTheInternetIntoAVpcBehindAnEgressOnlyGateway_IsRefused()
    {
        var network = new TestNetwork();
        var (serverVpc, _, server, _) = DualStack(network);
        var eigw = network.Run(new CreateEgressOnlyInternetGateway(serverVpc, []));
        network.Run(new PutRoute(network.State.MainRouteTableOf(serverVpc).Id, null, "::/0", null,
            new RouteTargetSpec(null, null, null, null, null, null, eigw), Replace: false));
        var (clientVpc, _, client, _) = DualStack(network);
        var igw = network.Run(new CreateInternetGateway([]));
        network.Run(new AttachInternetGateway(igw, clientVpc));
        network.Run(new PutRoute(network.State.MainRouteTableOf(clientVpc).Id, null, "::/0", null,
            new RouteTargetSpec(igw, null, null, null, null, null), Replace: false));
        var serverAddress = network.State.NetworkInterfaces[network.State.Instances[server].PrimaryNetworkInterfaceId].Ipv6Address!;

        var verdict = network.Analyze(client, serverAddress, 443, network.Policy(internet: true));

        Assert.False(verdict.Reachable);
        Assert.Equal(Explanations.EgressOnlyInbound, verdict.ExplanationCode);
        Assert.Equal(eigw, verdict.Hops[^1].ResourceId);
    }

    [Fact]
    public void Analyze_AclDenyingIpv6Only_BlocksIpv6AndLetsIpv4Through()
    {
        var network = new TestNetwork();
        var (vpc, _, instance, group) = DualStack(network);
        var block = network.State.Vpcs[vpc].Ipv6Cidrs.Single();
        var other = network.Run(new CreateSubnet(vpc, "10.0.2.0/24", "us-east-1b", null, [], block.Child(64, 2).ToString()));
        var peer = network.Run(new RunInstances("ami-12345678", null, null, 1, 1,
            new InstanceLaunch(other, [group], null, null, null, Ipv6AddressCount: 1), []))[0];
        network.Run(new AuthorizeSecurityGroupRules(group, null, IsEgress: false,
            [new RuleSpec("-1", null, null, RulePeer.Group(group, TestNetwork.Account), null)], []));
        var acl = network.State.Subnets[other].NetworkAclId;
        network.Run(new PutNetworkAclEntry(acl, new NetworkAclEntrySpec(50, "-1", "deny", false, null, "::/0", null, null, null, null), Replace: false));
        var peerInterface = network.State.NetworkInterfaces[network.State.Instances[peer].PrimaryNetworkInterfaceId];

        var v4 = network.Analyze(instance, peerInterface.PrivateIpAddress!, 22);
        var v6 = network.Analyze(instance, peerInterface.Ipv6Address!, 22);

        Assert.True(v4.Reachable, v4.Fix);
        Assert.False(v6.Reachable);
        Assert.Equal(Explanations.SubnetAclRestriction, v6.ExplanationCode);
        Assert.Contains("rule 50", v6.Hops[^1].Detail);
        Assert.Contains("IPv6", v6.Hops[^1].Detail);
    }

    [Fact]
    public void Analyze_Ipv6FromAnInstanceWithoutIpv6Address_NamesTheMissingFamily()
    {
        var network = new TestNetwork();
        var (_, _, instance, _) = network.Basics();

        var verdict = network.Analyze(instance, Public6, 443, network.Policy(internet: true));

        Assert.False(verdict.Reachable);
        Assert.Equal(Explanations.NoAddressOfFamily, verdict.ExplanationCode);
        Assert.Contains("associate-subnet-cidr-block", verdict.Fix);
    }

    [Fact]
    public void Analyze_FromAnIpv6OnlySubnet_ResolvesAaaaFirst_AndCannotReachIpv4()
    {
        var network = new TestNetwork();
        var vpc = network.Run(new CreateVpc("10.0.0.0/16", null, [], new Ipv6BlockRequest(true, null, null, null)));
        network.Run(new ModifyVpcAttribute(vpc, null, EnableDnsHostnames: true, null));
        var block = network.State.Vpcs[vpc].Ipv6Cidrs.Single();
        var ipv6Only = network.Run(new CreateSubnet(vpc, null, "us-east-1a", null, [], block.Child(64, 1).ToString(), Ipv6Native: true));
        var dual = network.Run(new CreateSubnet(vpc, "10.0.2.0/24", "us-east-1b", null, [], block.Child(64, 2).ToString()));
        var group = network.Run(new CreateSecurityGroup("app", "app", vpc, []));
        network.Run(new AuthorizeSecurityGroupRules(group, null, IsEgress: false,
            [new RuleSpec("-1", null, null, RulePeer.Group(group, TestNetwork.Account), null)], []));
        var client = network.Run(new RunInstances("ami-12345678", null, null, 1, 1, new InstanceLaunch(ipv6Only, [group], null, null, null), []))[0];
        var server = network.Run(new RunInstances("ami-12345678", null, null, 1, 1,
            new InstanceLaunch(dual, [group], null, null, null, Ipv6AddressCount: 1), []))[0];
        network.Run(new ModifySubnetAttribute(dual, new SubnetAttributeChange(EnableResourceNameDnsAaaaRecordOnLaunch: true)));
        var serverInterface = network.State.NetworkInterfaces[network.State.Instances[server].PrimaryNetworkInterfaceId];
        var clientInterface = network.State.NetworkInterfaces[network.State.Instances[client].PrimaryNetworkInterfaceId];

        var byName = network.Analyze(client, $"{server}.ec2.internal", 22);
        var overIpv4 = network.Analyze(client, serverInterface.PrivateIpAddress!, 22);

        Assert.Null(clientInterface.PrivateIpAddress);
        Assert.NotNull(clientInterface.Ipv6Address);
        Assert.True(byName.Reachable, byName.Fix);
        Assert.Equal(serverInterface.Ipv6Address, byName.DestinationAddress);
        Assert.Equal(Explanations.NoAddressOfFamily, overIpv4.ExplanationCode);
    }
}
