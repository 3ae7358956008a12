using LocalVpc.Core;
using LocalVpc.Core.Commands;
using LocalVpc.Core.Commands.SecurityGroups;
using LocalVpc.Core.Commands.Tags;
using LocalVpc.Core.Commands.Vpcs;
using LocalVpc.Core.Resources;
using LocalVpc.Core.State;

namespace LocalVpc.Storage.Tests;

/// <summary>
/// A snapshot written from the JSON kept since the last one must be the record written afresh, byte for byte, as the
/// account changes between snapshots: resources added, replaced and removed, tags changed.
/// </summary>
public sealed class SnapshotJsonTests
{
    private static readonly Scope Scope = new("123456789012", "us-east-1");
    private readonly CommandContext _context = new(new Core.Ids.SequentialIdSource(), TimeProvider.System);
    private AccountState _state = AccountState.Empty(Scope);

    private T Run<T>(ICommand<T> command)
    {
        var decision = command.Decide(_state, _context);
        Assert.Null(decision.Error);
        _state = _state.Apply(decision.Events);
        return decision.Value!;
    }

    private static string Written(SnapshotJson writer, AccountState state)
    {
        using var utf8 = new MemoryStream();
        writer.Write(utf8, state);
        return System.Text.Encoding.UTF8.GetString(utf8.ToArray());
    }

    [Fact]
    public void EachSnapshot_IsTheRecordWrittenAfresh_AsResourcesAreAddedReplacedAndRemoved()
    {
        var writer = new SnapshotJson();
        Run(new InitializeRegion(CreateDefaultVpc: true));
        var vpc = Run(new CreateVpc("10.0.0.0/16", null, [new("vpc", [KeyValuePair.Create("Name", "first")])]));
        var group = Run(new CreateSecurityGroup("web", "web", vpc, []));
        Assert.Equal(EventJson.Serialize(_state.ToEvents()), Written(writer, _state));

        // Replaced (a rule added), added (a VPC), tags changed, removed (the group): each snapshot as written afresh.
        Run(new AuthorizeSecurityGroupRules(group, null, false, [new("tcp", 443, 443, RulePeer.Ipv4("10.0.0.0/16"), "https")], []));
        var second = Run(new CreateVpc("10.1.0.0/16", null, []));
        Run(new CreateTags([vpc], [KeyValuePair.Create("Name", "renamed")]));
        var afterChanges = Written(writer, _state);
        Assert.Equal(EventJson.Serialize(_state.ToEvents()), afterChanges);
        Assert.Contains("443", afterChanges);
        Assert.Contains(second, afterChanges);
        Assert.Contains("renamed", afterChanges);

        Run(new DeleteSecurityGroup(group, null));
        var afterDelete = Written(writer, _state);
        Assert.Equal(EventJson.Serialize(_state.ToEvents()), afterDelete);
        Assert.DoesNotContain(group, afterDelete);

        // And read back, the same account.
        var rebuilt = AccountState.Empty(Scope).Apply(EventJson.Deserialize(afterDelete));
        Assert.Equal(afterDelete, EventJson.Serialize(rebuilt.ToEvents()));
    }
}
