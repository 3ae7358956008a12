using LocalVpc.Core;
using LocalVpc.Core.Commands;
using LocalVpc.Core.Commands.Vpcs;
using LocalVpc.Core.State;
using LocalVpc.Storage;
using LocalVpc.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace LocalVpc.Storage.Tests;

/// <summary>The command pipeline over the event log in a real SQLite file: reopen, snapshots, reset, commands across accounts.</summary>
public sealed class SqliteEventLogTests
{
    private static readonly Scope Scope = new("123456789012", "eu-west-1");

    private static async Task<(CommandPipeline, SqliteEventLog)> OpenAsync(string path, int snapshotEvery)
    {
        var log = SqliteEventLog.Open(path);
        // The tests write 20 VPCs into one account, beyond AWS's default quota of 5.
        var context = new CommandContext(new Core.Ids.SequentialIdSource((ulong)Environment.TickCount64), TimeProvider.System)
            { Quotas = Core.Quotas.ServiceQuotas.Aws.With(Core.Quotas.ServiceQuotas.VpcsPerRegion, 100) };
        var pipeline = await CommandPipeline.OpenAsync(log, context, new PipelineOptions { SnapshotEvery = snapshotEvery });
        return (pipeline, log);
    }

    private static string NewPath() => Path.Combine(Directory.CreateTempSubdirectory().FullName, "state.db");

    /// <summary>What the closed file holds: snapshot rows, and event rows not yet covered by one.</summary>
    private static (long Snapshots, long Events) Rows(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM snapshots), (SELECT count(*) FROM events)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(7)]
    public async Task Reopen_RebuildsTheSameState_WithOrWithoutSnapshots(int snapshotEvery)
    {
        var path = NewPath();
        var (pipeline, log) = await OpenAsync(path, snapshotEvery);
        var created = new List<string>();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var outcome = await pipeline.ExecuteAsync(Scope, new CreateVpc($"10.{i}.0.0/16", null, []));
            lock (created) created.Add(outcome.Value!);
        }));
        var before = EventJson.Serialize((await pipeline.ReadAsync(Scope)).ToEvents());
        await log.DisposeAsync();
        // Snapshots are serialised after their record is committed; a closing log stores those on their way.
        var (snapshots, events) = Rows(path);
        Assert.Equal(snapshotEvery < 20 ? 1 : 0, snapshots);
        Assert.True(events < 21 || snapshotEvery >= 20, $"{events} events left beside the snapshot");

        var (reopened, log2) = await OpenAsync(path, snapshotEvery);
        var state = await reopened.ReadAsync(Scope);
        Assert.Equal(before, EventJson.Serialize(state.ToEvents()));
        Assert.All(created, id => Assert.True(state.Vpcs.ContainsKey(id)));
        await log2.DisposeAsync();
    }

    [Fact]
    public async Task AnEvent_IsStoredAsJsonText_ThatSqlitesOwnFunctionsRead()
    {
        var path = NewPath();
        var (pipeline, log) = await OpenAsync(path, 1000);
        var vpc = (await pipeline.ExecuteAsync(Scope, new CreateVpc("10.7.0.0/16", null, []))).Value!;
        await log.DisposeAsync();

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(body), json_extract(body, '$.version') FROM events WHERE body LIKE '%' || $vpc || '%'";
        command.Parameters.AddWithValue("$vpc", vpc);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"no event names {vpc}");
        Assert.Equal("text", reader.GetString(0));
        Assert.Equal(EventJson.Version, reader.GetInt32(1));
    }

    [Fact]
    public async Task ASnapshot_IsStoredCompressed_AndAPlainOneAsEarlierVersionsWroteIt_StillLoads()
    {
        var path = NewPath();
        var (pipeline, log) = await OpenAsync(path, 1000);
        await pipeline.ExecuteAsync(Scope, new TagMany(1500));
        var before = EventJson.Serialize((await pipeline.ReadAsync(Scope)).ToEvents());
        await log.DisposeAsync();

        var stored = SnapshotBodyOf(path);
        Assert.Equal([0x1f, 0x8b], stored[..2]); // gzip
        using var json = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(new MemoryStream(stored), System.IO.Compression.CompressionMode.Decompress)) gzip.CopyTo(json);
        Assert.StartsWith($$"""{"version":{{EventJson.Version}},"events":[""", System.Text.Encoding.UTF8.GetString(json.ToArray()));
        var (reopened, log2) = await OpenAsync(path, 1000);
        Assert.Equal(before, EventJson.Serialize((await reopened.ReadAsync(Scope)).ToEvents()));
        await log2.DisposeAsync();

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var plain = connection.CreateCommand();
            plain.CommandText = "UPDATE snapshots SET body = $json";
            plain.Parameters.AddWithValue("$json", json.ToArray());
            Assert.Equal(1, plain.ExecuteNonQuery());
        }
        var (again, log3) = await OpenAsync(path, 1000);
        Assert.Equal(before, EventJson.Serialize((await again.ReadAsync(Scope)).ToEvents()));
        await log3.DisposeAsync();
    }

    /// <summary>The body of the closed file's one snapshot, as stored.</summary>
    private static byte[] SnapshotBodyOf(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM snapshots";
        return (byte[])command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Reset_ForgetsEverything_OnDiskToo()
    {
        var path = NewPath();
        var (pipeline, log) = await OpenAsync(path, 1000);
        await pipeline.ExecuteAsync(Scope, new CreateVpc("10.0.0.0/16", null, []));
        // 5,000 events in one record make a snapshot due, which is still being serialised when the reset is written
        // (the command is queued just before it): it must not be stored after the reset, nor published.
        var tagging = pipeline.ExecuteAsync(Scope, new TagMany(5000));
        await pipeline.ResetAsync();
        await tagging;
        var state = await pipeline.ReadAsync(Scope);
        Assert.Single(state.Vpcs); // the default VPC of a fresh region
        Assert.Null(state.TagsOf("vpc-00000000000000042").GetValueOrDefault("n"));
        await log.DisposeAsync();

        var (reopened, log2) = await OpenAsync(path, 1000);
        var replayed = await reopened.ReadAsync(Scope);
        Assert.Single(replayed.Vpcs);
        Assert.Null(replayed.TagsOf("vpc-00000000000000042").GetValueOrDefault("n"));
        await log2.DisposeAsync();
    }

    [Fact]
    public async Task WritesRacingAReset_LandOnOneSideOfIt_InMemoryAndOnDiskAlike()
    {
        // The race is narrow: rounds of it, each checked.
        for (var round = 0; round < 20; round++)
        {
            var path = NewPath();
            var (pipeline, log) = await OpenAsync(path, 1000);
            await pipeline.ReadAsync(Scope);
            var writes = Enumerable.Range(0, 40).Select(i => Task.Run(() => pipeline.ExecuteAsync(Scope, new CreateVpc($"10.{i}.0.0/16", null, [])))).ToList();
            var reset = Task.Run(pipeline.ResetAsync);
            await Task.WhenAll(writes);
            await reset;
            var inMemory = EventJson.Serialize((await pipeline.ReadAsync(Scope)).ToEvents());
            await log.DisposeAsync();

            var (reopened, log2) = await OpenAsync(path, 1000);
            Assert.Equal(inMemory, EventJson.Serialize((await reopened.ReadAsync(Scope)).ToEvents()));
            await log2.DisposeAsync();
        }
    }

    [Fact]
    public async Task CommandAcrossAccounts_IsPublishedAndReplayedWhole()
    {
        var path = NewPath();
        var (pipeline, log) = await OpenAsync(path, 1000);
        var other = Scope with { Account = "210987654321" };
        await pipeline.ReadAsync(other);
        var outcome = await pipeline.ExecuteAsync(Scope, new TagBoth(other.Account));
        Assert.Null(outcome.Error);
        var published = pipeline.Published.Region(Scope.Region);
        Assert.Equal("yes", published.Account(Scope.Account).TagsOf("vpc-00000000000000001").GetValueOrDefault("both"));
        Assert.Equal("yes", published.Account(other.Account).TagsOf("vpc-00000000000000002").GetValueOrDefault("both"));
        await log.DisposeAsync();

        var (reopened, log2) = await OpenAsync(path, 1000);
        var replayed = reopened.Published.Region(Scope.Region);
        Assert.Equal("yes", replayed.Account(other.Account).TagsOf("vpc-00000000000000002").GetValueOrDefault("both"));
        await log2.DisposeAsync();
    }

    [Fact]
    public async Task DryRun_DecidesButChangesNothing()
    {
        var (pipeline, log) = await OpenAsync(NewPath(), 1000);
        var before = await pipeline.ReadRegionAsync(Scope);
        var outcome = await pipeline.ExecuteAsync(Scope, new CreateVpc("10.9.0.0/16", null, []), dryRun: true);
        Assert.Equal("DryRunOperation", outcome.Error?.Code);
        // A request the command refuses gets the command's own error, not DryRunOperation.
        var invalid = await pipeline.ExecuteAsync(Scope, new CreateVpc("10.9.0.0/8", null, []), dryRun: true);
        var refused = await pipeline.ExecuteAsync(Scope, new CreateVpc("10.9.0.0/8", null, []));
        Assert.NotNull(refused.Error);
        Assert.Equal(refused.Error.Code, invalid.Error?.Code);
        Assert.Equal(before.Account(Scope.Account).Vpcs.Keys, pipeline.Published.Region(Scope.Region).Account(Scope.Account).Vpcs.Keys);
        await log.DisposeAsync();
    }

    /// <summary>A command of many events: tags <paramref name="Count"/> resource ids.</summary>
    private sealed record TagMany(int Count) : ICommand<bool>
    {
        public Decision<bool> Decide(AccountState state, CommandContext context) =>
            Decision.Of(true, Enumerable.Range(0, Count).Select(i => (Core.Events.Event)new Core.Events.TagsChanged($"vpc-{i:D17}",
                ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("n", $"{i}")]))));
    }

    /// <summary>A command that writes in its own account and in another one: tags a resource id in each.</summary>
    private sealed record TagBoth(string OtherAccount) : ICommand<bool>
    {
        public Decision<bool> Decide(AccountState state, CommandContext context)
        {
            var tags = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("both", "yes")]);
            return Decision.Across(true, [new Core.Events.TagsChanged("vpc-00000000000000001", tags)],
                [new AccountEvents(OtherAccount, [new Core.Events.TagsChanged("vpc-00000000000000002", tags)])]);
        }
    }
}
