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
}
