using LocalVpc.Core.Commands.Peering;
using LocalVpc.Core.Commands.RouteTables;
using LocalVpc.Core.Commands.SecurityGroups;
using LocalVpc.Core.Commands.Subnets;
using LocalVpc.Core.Commands.VpcEndpoints;
using LocalVpc.Core.Commands.Vpcs;

namespace LocalVpc.Analysis.Tests;

/// <summary>Flows across a VPC peering connection between two accounts: delivered into the peer VPC only, and only with a way back.</summary>
public sealed class PeeringAnalysisTests
{
    private const string Peer = "444455556666";

    /// <summary>
    /// The caller's VPC 10.0.0.0/16 with an instance, the peer account's VPC 10.1.0.0/16 with a KMS interface endpoint whose
    /// group lets the caller's VPC in on 443, and an accepted peering between them.
    /// </summary>
    private static (TestNetwork Network, string Instance, string EndpointAddress, string Peering, string PeerVpc) Peered(bool routeBack = true)
    {
        var network = new TestNetwork();
        var (vpc, _, instance, _) = network.Basics();
        network.Run(new InitializeRegion(CreateDefaultVpc: false), Peer);
        var peerVpc = network.Run(new CreateVpc("10.1.0.0/16", null, []), Peer);
        var peerSubnet = network.Run(new CreateSubnet(peerVpc, "10.1.1.0/24", "us-east-1a", null, []), Peer);
        var group = network.Run(new CreateSecurityGroup("endpoint", "endpoint", peerVpc, []), Peer);
        network.Run(new AuthorizeSecurityGroupRules(group, null, IsEgress: false,
            [new RuleSpec("tcp", 443, 443, new RulePeer(CidrIpv4: "10.0.0.0/16"), null)], []), Peer);
        var endpoint = network.Run(new CreateVpcEndpoint(peerVpc, "Interface", "com.amazonaws.us-east-1.kms", [peerSubnet], [group], [], null,
            false, null, null, null, null, []), Peer);
        network.Time.Now += TimeSpan.FromSeconds(1);

        var peering = network.Run(new CreateVpcPeeringConnection(vpc, peerVpc, Peer, null, []));
        network.Run(new AnswerVpcPeeringConnection(peering, Accept: true), Peer);
        Route(network, network.State.MainRouteTableOf(vpc).Id, "10.1.0.0/16", peering, TestNetwork.Account);
        if (routeBack) Route(network, network.Region.Account(Peer).MainRouteTableOf(peerVpc).Id, "10.0.0.0/16", peering, Peer);

        var peerState = network.Region.Account(Peer);
        var address = peerState.NetworkInterfaces[peerState.VpcEndpoints[endpoint].NetworkInterfaceIds[0]].PrivateIpAddress!;
        return (network, instance, address, peering, peerVpc);
    }

    private static void Route(TestNetwork network, string table, string cidr, string peering, string account) =>
        network.Run(new PutRoute(table, cidr, null, null, new RouteTargetSpec(null, null, null, null, peering, null), Replace: false), account);

    [Fact]
    public void AnInstance_ReachesAnInterfaceEndpointInThePeerAccountsVpc()
    {
        var (network, instance, address, peering, _) = Peered();

        var verdict = network.Analyze(instance, address, 443);

        Assert.True(verdict.Reachable, verdict.Fix);
        Assert.IsType<ServiceTerminus>(verdict.Terminus);
        Assert.Contains(verdict.Hops, h => h.Component == HopComponent.VpcPeeringConnection && h.ResourceId == peering && h.Passed);
    }

    [Fact]
    public void WithoutARouteBack_TheAnswerIsLost_AndThePeersTableIsNamed()
    {
        var (network, instance, address, peering, peerVpc) = Peered(routeBack: false);

        var verdict = network.Analyze(instance, address, 443);

        Assert.False(verdict.Reachable);
        Assert.Equal(Explanations.NoRouteToDestination, verdict.ExplanationCode);
        Assert.Equal(network.Region.Account(Peer).MainRouteTableOf(peerVpc).Id, verdict.Hops[^1].ResourceId);
        Assert.Contains(peering, verdict.Fix);
    }

    [Fact]
    public void APeersGatewayEndpoint_CannotBeReachedThroughThePeering()
    {
        var (network, instance, _, peering, peerVpc) = Peered();
        var peerTable = network.Region.Account(Peer).MainRouteTableOf(peerVpc).Id;
        network.Run(new CreateVpcEndpoint(peerVpc, "Gateway", "com.amazonaws.us-east-1.s3", [], [], [peerTable], null, null, null, null, null, null, []), Peer);
        // Everything else the caller sends goes to the peer, hoping the peer's S3 gateway endpoint carries it on.
        Route(network, network.State.MainRouteTableOf(network.State.Instances[instance].VpcId).Id, "0.0.0.0/0", peering, TestNetwork.Account);

        var verdict = network.Analyze(instance, "s3.us-east-1.amazonaws.com", 443);

        Assert.False(verdict.Reachable);
        Assert.Equal(Explanations.NoRouteToDestination, verdict.ExplanationCode);
        Assert.Equal((HopComponent.VpcPeeringConnection, peering), (verdict.Hops[^1].Component, verdict.Hops[^1].ResourceId));
    }

    [Fact]
    public void ADeletedPeering_LeavesABlackholeRoute()
    {
        var (network, instance, address, peering, _) = Peered();
        network.Run(new DeleteVpcPeeringConnection(peering), Peer);

        var verdict = network.Analyze(instance, address, 443);

        Assert.False(verdict.Reachable);
        Assert.Equal(Explanations.BadStateRoute, verdict.ExplanationCode);
    }

    [Fact]
    public void ThePeersGroup_MayNameTheCallersGroup_OnceThePeeringIsActive()
    {
        var (network, instance, address, _, peerVpc) = Peered();
        var peerState = network.Region.Account(Peer);
        var endpointGroup = peerState.NetworkInterfaces.Values.Single(n => n.PrivateIpAddress == address).GroupIds[0];
        var callerGroup = network.State.NetworkInterfaces[network.State.Instances[instance].PrimaryNetworkInterfaceId].GroupIds[0];
        network.Run(new RevokeSecurityGroupRules(endpointGroup, null, IsEgress: false, [new RuleSpec("tcp", 443, 443, new RulePeer(CidrIpv4: "10.0.0.0/16"), null)], []), Peer);
        Assert.False(network.Analyze(instance, address, 443).Reachable);

        network.Run(new AuthorizeSecurityGroupRules(endpointGroup, null, IsEgress: false,
            [new RuleSpec("tcp", 443, 443, RulePeer.Group(callerGroup, TestNetwork.Account), null)], []), Peer);

        Assert.True(network.Analyze(instance, address, 443).Reachable);
        Assert.NotNull(peerVpc);
    }
}
