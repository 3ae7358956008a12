using LocalVpc.Core;
using LocalVpc.Core.Commands;
using LocalVpc.Core.Commands.DhcpOptionSets;
using LocalVpc.Core.Commands.SecurityGroups;
using LocalVpc.Core.Commands.Vpcs;
using LocalVpc.Core.Resources;
using LocalVpc.Core.State;

namespace LocalVpc.Storage.Tests;

/// <summary>The log's JSON: a state written as events and read back is the same state.</summary>
public sealed class EventJsonTests
{
    private static readonly Scope Scope = new("123456789012", "us-east-1");

    [Fact]
    public void Replay_OfToEvents_RebuildsTheSameState()
    {
        var context = new CommandContext(new Core.Ids.SequentialIdSource(), TimeProvider.System);
        var state = AccountState.Empty(Scope);
        T Run<T>(ICommand<T> command)
        {
            var decision = command.Decide(state, context);
            Assert.Null(decision.Error);
            state = state.Apply(decision.Events);
            return decision.Value!;
        }
        Run(new InitializeRegion(CreateDefaultVpc: true));
        var vpc = Run(new CreateVpc("10.0.0.0/16", null, [new("vpc", [KeyValuePair.Create("Name", "x")])]));
        var group = Run(new CreateSecurityGroup("web", "web", vpc, []));
        Run(new AuthorizeSecurityGroupRules(group, null, false, [new("tcp", 443, 443, RulePeer.Ipv4("10.0.0.0/16"), "https")], []));

        var json = EventJson.Serialize(state.ToEvents());
        var rebuilt = AccountState.Empty(Scope).Apply(EventJson.Deserialize(json));

        Assert.StartsWith($$"""{"version":{{EventJson.Version}},""", json);
        Assert.Equal(json, EventJson.Serialize(rebuilt.ToEvents()));
        Assert.Equal("x", rebuilt.TagsOf(vpc)["Name"]);
        Assert.Equal(2, rebuilt.SecurityGroups[group].Rules.Length);
    }

    [Fact]
    public void Replay_OfToEvents_KeepsTheDefaultDhcpOptionsDeleted()
    {
        var context = new CommandContext(new Core.Ids.SequentialIdSource(), TimeProvider.System);
        var state = AccountState.Empty(Scope);
        state = state.Apply(new InitializeRegion(CreateDefaultVpc: false).Decide(state, context).Events);
        var defaults = state.DhcpOptionsId!;
        Assert.True(state.Table(ResourceKinds.DhcpOptions).ContainsKey(defaults)); // a new region has its default set
        var delete = new DeleteDhcpOptions(defaults).Decide(state, context);
        Assert.Null(delete.Error);
        state = state.Apply(delete.Events);

        var rebuilt = AccountState.Empty(Scope).Apply(EventJson.Deserialize(EventJson.Serialize(state.ToEvents())));

        Assert.False(rebuilt.Table(ResourceKinds.DhcpOptions).ContainsKey(defaults));
    }
}
