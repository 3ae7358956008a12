using LocalVpc.Core.Commands.Vpcs;

namespace LocalVpc.Analysis.Tests;

/// <summary>The analyser over states built with commands: the decisions the probe, the API and the proxies all share.</summary>
public sealed class ReachabilityAnalyzerTests
{
    private const string KmsName = "kms.us-east-1.amazonaws.com";

    [Fact]
    public void Analyze_EndpointWithIngress443_ReachesTheServiceOverPrivateDns()
    {
        var network = new TestNetwork();
        var (vpc, subnet, instance, _) = network.Basics();
        var endpoint = network.KmsEndpoint(vpc, subnet, network.Group(vpc, "endpoint", 443, "10.0.0.0/16"));
        network.Time.Now += TimeSpan.FromSeconds(1);

        var verdict = network.Analyze(instance, KmsName, 443);

        Assert.True(verdict.Reachable, verdict.Fix);
        Assert.Equal(new ServiceTerminus("com.amazonaws.us-east-1.kms", endpoint), verdict.Terminus);
        Assert.Contains(network.State.NetworkInterfaces.Values, n => n.PrivateIpAddress == verdict.DestinationAddress && network.State.VpcEndpoints[endpoint].NetworkInterfaceIds.Contains(n.Id));
    }

    [Fact]
    public void Analyze_EndpointGroupWithoutIngress_IsBlockedAtTheEndpointsGroup()
    {
        var network = new TestNetwork();
        var (vpc, subnet, instance, _) = network.Basics();
        var group = network.Group(vpc, "endpoint", 80, "10.0.0.0/16");
        network.KmsEndpoint(vpc, subnet, group);
        network.Time.Now += TimeSpan.FromSeconds(1);

        var verdict = network.Analyze(instance, KmsName, 443);

        Assert.False(verdict.Reachable);
        Assert.Equal(Explanations.SecurityGroupRulesMismatch, verdict.ExplanationCode);
        Assert.Equal(HopComponent.SecurityGroupIngress, verdict.Hops[^1].Component);
        Assert.Equal(group, verdict.Hops[^1].ResourceId);
    }

    [Fact]
    public void Analyze_EndpointStillPending_CarriesNothingUntilItIsAvailable()
    {
        // What Describe shows is what the network does: a pending endpoint carries no traffic yet.
        var network = new TestNetwork(endpointTransition: TimeSpan.FromSeconds(10));
        var (vpc, subnet, instance, _) = network.Basics();
        var endpoint = network.KmsEndpoint(vpc, subnet, network.Group(vpc, "endpoint", 443, "10.0.0.0/16"));

        network.Time.Now += TimeSpan.FromSeconds(5);
        Assert.Equal(VpcEndpointState.Pending, network.State.VpcEndpoints[endpoint].StateAt(network.Time.Now));
        var pending = network.Analyze(instance, KmsName, 443);
        Assert.False(pending.Reachable);
        Assert.Equal(Explanations.BadState, pending.ExplanationCode);

        network.Time.Now += TimeSpan.FromSeconds(6);
        Assert.True(network.Analyze(instance, KmsName, 443).Reachable);
    }

    [Fact]
    public void Analyze_VpcDnsSupportOff_ResolvesNoNameButStillAnAddress()
    {
        var network = new TestNetwork();
        var (vpc, subnet, instance, _) = network.Basics();
        network.KmsEndpoint(vpc, subnet, network.Group(vpc, "endpoint", 443, "10.0.0.0/16"));
        network.Time.Now += TimeSpan.FromSeconds(1);
        var address = network.Analyze(instance, KmsName, 443).DestinationAddress!;
        // Private DNS needs DNS support, so the endpoint's private DNS goes off first, as AWS requires.
        network.Run(new Core.Commands.VpcEndpoints.ModifyVpcEndpoint(network.State.VpcEndpoints.Keys.Single(), [], [], [], [], [], [], null, false, false, null));
        network.Run(new ModifyVpcAttribute(vpc, EnableDnsSupport: false, null, null));

        var byName = network.Analyze(instance, KmsName, 443);
        Assert.False(byName.Reachable);
        Assert.Equal(Explanations.VpcDnsSupportDisabled, byName.ExplanationCode);
        Assert.True(NameResolver.Refuses(network.State.Vpcs[vpc])); // and the VPC's DNS server refuses the same query

        network.Time.Now += TimeSpan.FromSeconds(1);
        Assert.True(network.Analyze(instance, address, 443).Reachable);
    }

    [Fact]
    public void Analyze_InternetPath_IsWithheldUnlessAllowed_AndDialsTheAddressItDecided()
    {
        var network = new TestNetwork();
        var (vpc, igw, instance) = network.PublicInstance();
        const string Public = "93.184.216.34";

        var denied = network.Analyze(instance, Public, 443);
        Assert.True(denied.Reachable); // AWS would carry it: LocalVpc's policy withholds it, and says so.
        Assert.Equal(new WithheldTerminus(igw, Explanations.InternetDenied, ((WithheldTerminus)denied.Terminus!).Reason), denied.Terminus);
        Assert.Equal(Explanations.InternetDenied, denied.ExplanationCode);

        var allowed = network.Analyze(instance, Public, 443, network.Policy(internet: true));
        Assert.Equal(new InternetTerminus(igw, Public), allowed.Terminus);

        var lan = network.Analyze(instance, "192.168.1.20", 443, network.Policy(internet: true));
        Assert.Equal(Explanations.NotPublic, lan.ExplanationCode);
        Assert.IsType<WithheldTerminus>(lan.Terminus);
    }

    [Fact]
    public void Analyze_ForwardedName_UsesTheHostResolversAnswer()
    {
        var network = new TestNetwork();
        var (vpc, igw, instance) = network.PublicInstance();
        Assert.True(NameResolver.IsForwarded(network.State, network.State.Vpcs[vpc], "example.com"));
        var verdict = network.Analyze(instance, "example.com", 443, network.Policy(internet: true, "93.184.216.34"));

        Assert.Equal(new InternetTerminus(igw, "93.184.216.34"), verdict.Terminus);
        Assert.False(network.Analyze(instance, "example.com", 443).Reachable); // not forwarded (offline): it does not resolve
    }

    [Fact]
    public void StandInAddress_ForAnAwsServiceName_IsTheSameInEveryProcess()
    {
        // Pinned: string.GetHashCode is randomised per process, so an address derived from it changed after every restart.
        Assert.Equal("203.0.113.137", Core.Cidr.Ipv4Cidr.FormatAddress(NameResolver.StandInAddress("kms")));
    }

    [Fact]
    public void Analyze_RouteToAVpnGateway_StopsThere_ForNoTunnelCarriesIt()
    {
        var network = new TestNetwork();
        var (vpc, _, instance, _) = network.Basics();
        var vgw = network.Run(new Core.Commands.VpnGateways.CreateVpnGateway("ipsec.1", null, null, []));
        network.Run(new Core.Commands.VpnGateways.AttachVpnGateway(vgw, vpc));
        network.Run(new Core.Commands.RouteTables.PutRoute(network.State.MainRouteTableOf(vpc).Id, "192.168.0.0/16", null, null,
            new RouteTargetSpec(vgw, null, null, null, null, null), Replace: false));

        var verdict = network.Analyze(instance, "192.168.1.10", 22);

        Assert.False(verdict.Reachable);
        Assert.Equal((HopComponent.VpnGateway, vgw), (verdict.Hops[^1].Component, verdict.Hops[^1].ResourceId));
    }
}
