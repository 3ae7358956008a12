using LocalVpc.Core.Commands;
using LocalVpc.Core.Commands.Vpcs;
using LocalVpc.Core.State;
using LocalVpc.Storage;
using LocalVpc.Storage.Sqlite;

namespace LocalVpc.Core.Tests;

/// <summary>The event log in a real SQLite file: reopen, snapshots, reset.</summary>
public sealed class SqliteEventLogTests
{
    private static readonly Scope Scope = new("123456789012", "eu-west-1");

    private static async Task<(Ledger, SqliteEventLog)> OpenAsync(string path, int snapshotEvery)
    {
        var log = SqliteEventLog.Open(path);
        var ledger = await Ledger.OpenAsync(log, new CommandContext(new Ids.SequentialIdSource((ulong)Environment.TickCount64), TimeProvider.System),
            new LedgerOptions { SnapshotEvery = snapshotEvery });
        return (ledger, log);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(7)]
    public async Task Reopen_RebuildsTheSameState_WithOrWithoutSnapshots(int snapshotEvery)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "state.db");
        var (ledger, log) = await OpenAsync(path, snapshotEvery);
        var created = new List<string>();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var outcome = await ledger.ExecuteAsync(Scope, new CreateVpc($"10.{i}.0.0/16", null, []));
            lock (created) created.Add(outcome.Value!);
        }));
        var before = EventJson.Serialize((await ledger.ReadAsync(Scope)).ToEvents());
        await log.DisposeAsync();

        var (reopened, log2) = await OpenAsync(path, snapshotEvery);
        var state = await reopened.ReadAsync(Scope);
        Assert.Equal(before, EventJson.Serialize(state.ToEvents()));
        Assert.All(created, id => Assert.True(state.Vpcs.ContainsKey(id)));
        await log2.DisposeAsync();
    }

    [Fact]
    public async Task Reset_ForgetsEverything_OnDiskToo()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "state.db");
        var (ledger, log) = await OpenAsync(path, 1000);
        await ledger.ExecuteAsync(Scope, new CreateVpc("10.0.0.0/16", null, []));
        await ledger.ResetAsync();
        Assert.Single((await ledger.ReadAsync(Scope)).Vpcs); // the default VPC of a fresh region
        await log.DisposeAsync();

        var (reopened, log2) = await OpenAsync(path, 1000);
        Assert.Single((await reopened.ReadAsync(Scope)).Vpcs);
        await log2.DisposeAsync();
    }
}
