using LocalVpc.Core.Commands.LoadBalancing;
using LocalVpc.Core.Commands.Subnets;

namespace LocalVpc.Analysis.Tests;

/// <summary>A network load balancer's choice of target: the first its health checks pass, else all of them (it fails open).</summary>
public sealed class LoadBalancerHealthTests
{
    private sealed class Checks(params string[] healthy) : ITargetHealth
    {
        public TargetHealthState Of(string targetGroupArn, LoadBalancerTarget target) =>
            healthy.Contains(target.Id) ? TargetHealthState.Healthy : TargetHealthState.Unhealthy;
    }

    /// <summary>An instance, and an internal NLB in its VPC on 443 forwarding to two loopback ip targets.</summary>
    private static (TestNetwork Network, string Instance, string BalancerAddress) Balanced()
    {
        var network = new TestNetwork();
        var (vpc, subnet, instance, _) = network.Basics();
        var other = network.Run(new CreateSubnet(vpc, "10.0.2.0/24", "us-east-1b", null, []));
        var balancer = network.Run(new CreateLoadBalancer("svc", "network", "internal", [subnet, other], [], []));
        var group = network.Run(new CreateTargetGroup("svc", "TCP", 443, vpc, "ip", []));
        network.Run(new ChangeTargets(group, [new LoadBalancerTarget("127.0.0.2", 9443), new LoadBalancerTarget("127.0.0.3", 9443)], Register: true));
        network.Run(new CreateListener(balancer, "TCP", 443, "forward", group, []));
        var address = network.State.NetworkInterfaces.Values.First(n => network.State.LoadBalancers[balancer].NetworkInterfaceIds.Contains(n.Id)).PrivateIpAddress!;
        return (network, instance, address);
    }

    [Fact]
    public void TheFirstTargetItsChecksPass_GetsTheFlow()
    {
        var (network, instance, address) = Balanced();

        var verdict = network.Analyze(instance, address, 443, network.Policy() with { Health = new Checks("127.0.0.3") });

        Assert.True(verdict.Reachable, verdict.Fix);
        Assert.Equal(new AddressTerminus("127.0.0.3", 9443), verdict.Terminus);
    }

    [Fact]
    public void NoTargetPassing_FailsOpen_ToTheFirst()
    {
        var (network, instance, address) = Balanced();

        var verdict = network.Analyze(instance, address, 443, network.Policy() with { Health = new Checks() });

        Assert.True(verdict.Reachable, verdict.Fix);
        Assert.Equal(new AddressTerminus("127.0.0.2", 9443), verdict.Terminus);
        Assert.Contains("fails open", verdict.Hops.Single(h => h.Component == HopComponent.TargetGroup).Detail);
    }
}
