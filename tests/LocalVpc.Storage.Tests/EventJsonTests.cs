using LocalVpc.Core;
using LocalVpc.Core.Commands;
using LocalVpc.Core.Commands.DhcpOptionSets;
using LocalVpc.Core.Commands.SecurityGroups;
using LocalVpc.Core.Commands.Vpcs;
using LocalVpc.Core.Events;
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

    [Fact]
    public void AnInterface_WithEveryFieldSet_ReadsBackAsWritten_ItsRepeatedValuesShared()
    {
        Event[] written = [new ResourcePut(Interface("eni-0c1d2e3f405162738")), new ResourcePut(Interface("eni-0f9e8d7c6b5a49382"))];
        var json = EventJson.Serialize(written);

        var read = EventJson.Deserialize(json);

        Assert.Equal(json, EventJson.Serialize(read));
        var (first, second) = ((NetworkInterface)((ResourcePut)read[0]).Resource, (NetworkInterface)((ResourcePut)read[1]).Resource);
        // Only the interfaces' own reader shares values, and it leaves an interface with a field it does not know to the
        // general one: a field added to interfaces but not to it fails here.
        Assert.Same(first.SubnetId, second.SubnetId);
        Assert.Same(first.GroupIds[1], second.GroupIds[1]);
    }

    [Fact]
    public void AnInterface_WithAFieldThisVersionDoesNotKnow_IsReadAsTheGeneralReaderReadsIt()
    {
        var json = EventJson.Serialize([new ResourcePut(Interface("eni-0a1b2c3d4e5f60718"))]);
        var withUnknown = json.Replace("\"Id\":\"eni-0a1b2c3d4e5f60718\"", "\"Id\":\"eni-0a1b2c3d4e5f60718\",\"Later\":{\"Field\":[1]}", StringComparison.Ordinal);
        Assert.NotEqual(json, withUnknown);

        Assert.Equal(json, EventJson.Serialize(EventJson.Deserialize(withUnknown)));
    }

    /// <summary>An interface with every field set, none to its default.</summary>
    private static NetworkInterface Interface(string id)
    {
        var attachment = new NetworkInterfaceAttachment("eni-attach-0123456789abcdef0", "i-0123456789abcdef0", 1,
            DateTimeOffset.Parse("2026-12-01T07:00:00.1234567+00:00", System.Globalization.CultureInfo.InvariantCulture), DeleteOnTermination: true);
        return new NetworkInterface(id, "subnet-0e1d2c3b4a5968778", "vpc-0e1d2c3b4a5968778", "us-east-1a", "use1-az1", "123456789012",
            "Interface for \"app\"", ["10.0.1.4", "10.0.1.5"], ["sg-0e1d2c3b4a5968778", "sg-0e1d2c3b4a5968779"], "interface",
            RequesterManaged: true, SourceDestCheck: false, attachment, "54.1.2.3", attachment with { Id = "eni-attach-0123456789abcdef1" },
            ["2600:1f18::1"], PrimaryIpv6: true);
    }
}
