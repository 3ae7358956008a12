using LocalVpc.Core.Commands;
using LocalVpc.Core.Commands.SecurityGroups;
using LocalVpc.Core.Commands.Subnets;
using LocalVpc.Core.Commands.Vpcs;
using LocalVpc.Core.State;

namespace LocalVpc.Core.Tests;

/// <summary>Core decides on pure state: deterministic ids from the injected source, errors as values.</summary>
public sealed class CommandTests
{
    private static readonly Scope Scope = new("123456789012", "us-east-1");

    private static (AccountState State, CommandContext Context) NewRegion(bool defaultVpc = false)
    {
        var context = new CommandContext(new Ids.SequentialIdSource(), TimeProvider.System);
        var init = new InitializeRegion(defaultVpc).Decide(AccountState.Empty(Scope), context);
        return (AccountState.Empty(Scope).Apply(init.Events), context);
    }

    private static (AccountState, T) Run<T>(AccountState state, CommandContext context, ICommand<T> command)
    {
        var decision = command.Decide(state, context);
        Assert.Null(decision.Error);
        return (state.Apply(decision.Events), decision.Value!);
    }

    [Fact]
    public void InitializeRegion_WithDefaultVpc_IsDeterministicForTheSameIdSource()
    {
        var (a, _) = NewRegion(defaultVpc: true);
        var (b, _) = NewRegion(defaultVpc: true);
        Assert.Equal(a.Vpcs.Keys, b.Vpcs.Keys);
        Assert.Equal(a.Subnets.Values.Select(s => (s.Id, s.CidrBlock)), b.Subnets.Values.Select(s => (s.Id, s.CidrBlock)));
        Assert.Equal(6, a.Subnets.Count);
    }

    [Fact]
    public void CreateSubnet_WithoutZone_SpreadsOverZonesInOrder()
    {
        var (state, context) = NewRegion();
        (state, var vpc) = Run(state, context, new CreateVpc("10.0.0.0/16", null, []));
        var zones = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            (state, var subnet) = Run(state, context, new CreateSubnet(vpc, $"10.0.{i}.0/24", null, null, []));
            zones.Add(state.Subnets[subnet].AvailabilityZone);
        }
        Assert.Equal(["us-east-1a", "us-east-1b", "us-east-1c"], zones);
    }

    [Fact]
    public void FailedCommand_YieldsNoEvents()
    {
        var (state, context) = NewRegion();
        var decision = new CreateSubnet("vpc-00000000000000001", "10.0.0.0/24", null, null, []).Decide(state, context);
        Assert.Equal("InvalidVpcID.NotFound", decision.Error!.Code);
        Assert.True(decision.Events.IsDefaultOrEmpty);
    }

    [Fact]
    public void ASubnetsInterfaces_AreFoundThroughItsIndex_AfterCreatesDeletesAndASnapshotsReplay()
    {
        var (state, context) = NewRegion();
        (state, var vpc) = Run(state, context, new CreateVpc("10.0.0.0/16", null, []));
        (state, var first) = Run(state, context, new CreateSubnet(vpc, "10.0.1.0/28", null, null, []));
        (state, var second) = Run(state, context, new CreateSubnet(vpc, "10.0.2.0/28", null, null, []));
        string Create(string subnet)
        {
            (state, var id) = Run(state, context, new Commands.NetworkInterfaces.CreateNetworkInterface(subnet, null, null, [], 0, [], []));
            return id;
        }
        var (a, b, c) = (Create(first), Create(first), Create(second));
        (state, _) = Run(state, context, new Commands.NetworkInterfaces.DeleteNetworkInterface(b));
        // The freed address is the next one given: the allocator reads the subnet through the index.
        var d = Create(first);

        Assert.Equal(new[] { a, d }.Order(StringComparer.Ordinal), state.NetworkInterfacesIn(first).Select(n => n.Id));
        Assert.Equal([c], state.NetworkInterfacesIn(second).Select(n => n.Id));
        Assert.Equal(["10.0.1.4", "10.0.1.5"], state.NetworkInterfacesIn(first).Select(n => n.PrivateIpAddress).Order());
        Assert.Equal(16 - 5 - 2, state.AvailableIpAddressCount(state.Subnets[first]));
        // A state rebuilt from its snapshot's events has the same index.
        var replayed = AccountState.Empty(Scope).Apply(state.ToEvents());
        Assert.Equal(state.NetworkInterfacesIn(first).Select(n => n.Id), replayed.NetworkInterfacesIn(first).Select(n => n.Id));
        Assert.Equal([c], replayed.NetworkInterfacesIn(second).Select(n => n.Id));
    }

    [Fact]
    public void Addresses_AreTheLowestFree_ThroughHolesAndPastARun_AndANamedOneInUseIsRefused()
    {
        var (state, context) = NewRegion();
        (state, var vpc) = Run(state, context, new CreateVpc("10.0.0.0/16", null, []));
        (state, var subnet) = Run(state, context, new CreateSubnet(vpc, "10.0.1.0/24", null, null, []));
        Resources.NetworkInterface Create(string? named = null, int secondaries = 0)
        {
            (state, var id) = Run(state, context, new Commands.NetworkInterfaces.CreateNetworkInterface(subnet, null, named, [], secondaries, [], []));
            return state.NetworkInterfaces[id];
        }
        var made = Enumerable.Range(0, 20).Select(_ => Create()).ToList();
        Assert.Equal(Enumerable.Range(4, 20).Select(i => $"10.0.1.{i}"), made.Select(n => n.PrivateIpAddress));
        foreach (var freed in made.Where(n => n.PrivateIpAddress is "10.0.1.6" or "10.0.1.7" or "10.0.1.15"))
            (state, _) = Run(state, context, new Commands.NetworkInterfaces.DeleteNetworkInterface(freed.Id));

        // The two holes first, lowest first, then past the run of taken addresses.
        Assert.Equal(["10.0.1.6", "10.0.1.7", "10.0.1.15", "10.0.1.24"], Create(secondaries: 3).PrivateIpAddresses.AsEnumerable());
        Assert.Equal("10.0.1.40", Create("10.0.1.40").PrivateIpAddress);
        Assert.Equal("10.0.1.25", Create().PrivateIpAddress);
        var inUse = new Commands.NetworkInterfaces.CreateNetworkInterface(subnet, null, "10.0.1.40", [], 0, [], []).Decide(state, context);
        Assert.Equal("InvalidIPAddress.InUse", inUse.Error?.Code);
        Assert.Equal(256 - 5 - (20 - 3 + 4 + 2), state.AvailableIpAddressCount(state.Subnets[subnet]));
    }

    [Fact]
    public void AVpcsEndpoints_AndAClientTokensEndpoint_AreFoundThroughTheIndex_ThroughADeleteAndASnapshotsReplay()
    {
        var (state, context) = NewRegion();
        context = context with { Quotas = Quotas.ServiceQuotas.Aws.With(Quotas.ServiceQuotas.InterfaceEndpointsPerVpc, 2) };
        (state, var vpc) = Run(state, context, new CreateVpc("10.0.0.0/16", null, []));
        (state, var other) = Run(state, context, new CreateVpc("10.1.0.0/16", null, []));
        (state, var subnet) = Run(state, context, new CreateSubnet(vpc, "10.0.1.0/24", null, null, []));
        (state, var otherSubnet) = Run(state, context, new CreateSubnet(other, "10.1.1.0/24", null, null, []));
        static Commands.VpcEndpoints.CreateVpcEndpoint Kms(string vpc, string subnet, string? token) =>
            new(vpc, "Interface", "com.amazonaws.us-east-1.kms", [subnet], [], [], null, false, null, null, null, token, []);
        (state, var a) = Run(state, context, Kms(vpc, subnet, "token-a"));
        (state, var b) = Run(state, context, Kms(vpc, subnet, null));
        (state, var c) = Run(state, context, Kms(other, otherSubnet, "token-c"));

        // The same token and request give back the same endpoint; a third interface endpoint in the VPC is over its quota.
        Assert.Equal(a, Kms(vpc, subnet, "token-a").Decide(state, context).Value);
        Assert.Equal("VpcEndpointLimitExceeded", Kms(vpc, subnet, null).Decide(state, context).Error?.Code);

        // Once deleted, the VPC has room again and the token makes a new endpoint.
        (state, _) = Run(state, context, new Commands.VpcEndpoints.DeleteVpcEndpoints([a]));
        (state, var d) = Run(state, context, Kms(vpc, subnet, "token-a"));
        Assert.NotEqual(a, d);
        Assert.Equal(new[] { b, d }.Order(StringComparer.Ordinal), state.VpcEndpointsIn(vpc).Select(e => e.Id));

        var replayed = AccountState.Empty(Scope).Apply(state.ToEvents());
        Assert.Equal(new[] { b, d }.Order(StringComparer.Ordinal), replayed.VpcEndpointsIn(vpc).Select(e => e.Id));
        Assert.Equal([c], replayed.VpcEndpointsIn(other).Select(e => e.Id));
        Assert.Equal(d, replayed.VpcEndpointByClientToken("token-a")?.Id);
        Assert.Equal(c, replayed.VpcEndpointByClientToken("token-c")?.Id);
    }
}
