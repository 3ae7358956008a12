using LocalVpc.Core;
using LocalVpc.Core.Commands;
using LocalVpc.Core.Commands.Vpcs;
using LocalVpc.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace LocalVpc.Storage.Tests;

/// <summary>A log with a damaged row, in a real SQLite file: what is wrong is named, and recovery keeps what is before it.</summary>
public sealed class DamagedLogTests
{
    private static readonly Scope Damaged = new("111122223333", "us-east-1"), Other = new("444455556666", "us-east-1");

    [Theory]
    [InlineData("[{\"$event\":\"no-such-event\"}]", "no-such-event")]
    [InlineData("{\"version\":1,\"events\":[{\"$event\":", "LineNumber")]
    [InlineData("{\"version\":7,\"events\":[]}", "newer LocalVpc")]
    public async Task ABadEventRow_IsNamed_AndRecoveryKeepsEverythingBeforeIt_AndTheOtherAccountWhole(string badBody, string named)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "state.db");
        var log = SqliteEventLog.Open(path);
        var pipeline = await CommandPipeline.OpenAsync(log, new CommandContext(new Core.Ids.SequentialIdSource(1), TimeProvider.System), new PipelineOptions());
        var kept = (await pipeline.ExecuteAsync(Damaged, new CreateVpc("10.0.0.0/16", null, []))).Value!;
        await pipeline.ExecuteAsync(Other, new CreateVpc("10.1.0.0/16", null, []));
        await log.DisposeAsync();
        var badSeq = AppendToDamaged(path, badBody);
        var reopened = SqliteEventLog.Open(path);
        await Assert.ThrowsAnyAsync<Exception>(() => reopened.LoadAsync());
        await reopened.DisposeAsync();

        var damage = DamagedLog.Inspect(path);
        var (keptEvents, movedTo) = DamagedLog.Recover(path, damage!, new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal((Damaged, badSeq), (damage!.Scope, damage.Seq));
        Assert.Contains($"event {badSeq} of account {Damaged.Account} in us-east-1", damage.What);
        Assert.True(damage.What.Contains(named), damage.What);
        Assert.Equal(path + ".damaged-20261130-120000", movedTo);
        Assert.True(File.Exists(movedTo));
        Assert.True(keptEvents > 0);
        Assert.Null(DamagedLog.Inspect(path));
        var recovered = SqliteEventLog.Open(path);
        var states = await recovered.LoadAsync();
        Assert.Contains(kept, states.Single(s => s.Scope == Damaged).Vpcs.Keys);
        Assert.Single(states.Single(s => s.Scope == Other).Vpcs.Values, v => !v.IsDefault);
        await recovered.DisposeAsync();
    }

    [Fact]
    public async Task ABadEventAfterCompressedSnapshots_IsNamed_AndRecoveryKeepsTheSnapshotsAsTheyWere()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "state.db");
        var log = SqliteEventLog.Open(path);
        var pipeline = await CommandPipeline.OpenAsync(log, new CommandContext(new Core.Ids.SequentialIdSource(1), TimeProvider.System),
            new PipelineOptions { SnapshotEvery = 1 });
        var kept = (await pipeline.ExecuteAsync(Damaged, new CreateVpc("10.0.0.0/16", null, []))).Value!;
        var other = (await pipeline.ExecuteAsync(Other, new CreateVpc("10.1.0.0/16", null, []))).Value!;
        await log.DisposeAsync();
        var snapshots = Snapshots(path);
        Assert.Equal(2, snapshots.Count);
        Assert.All(snapshots.Values, body => Assert.Equal([0x1f, 0x8b], body[..2]));
        var badSeq = AppendToDamaged(path, """[{"$event":"no-such-event"}]""");

        var damage = DamagedLog.Inspect(path);
        Assert.Equal((Damaged, badSeq), (damage!.Scope, damage.Seq));
        DamagedLog.Recover(path, damage, new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(snapshots, Snapshots(path));
        var recovered = SqliteEventLog.Open(path);
        var states = await recovered.LoadAsync();
        Assert.Contains(kept, states.Single(s => s.Scope == Damaged).Vpcs.Keys);
        Assert.Contains(other, states.Single(s => s.Scope == Other).Vpcs.Keys);
        await recovered.DisposeAsync();
    }

    /// <summary>Writes a row to the damaged account's log behind LocalVpc's back; returns its sequence number.</summary>
    private static long AppendToDamaged(string path, string body)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO events (account, region, body) VALUES ($a, $r, $b) RETURNING seq";
        insert.Parameters.AddWithValue("$a", Damaged.Account);
        insert.Parameters.AddWithValue("$r", Damaged.Region);
        insert.Parameters.AddWithValue("$b", body);
        return (long)insert.ExecuteScalar()!;
    }

    /// <summary>Every snapshot body in the file, by account, as stored.</summary>
    private static Dictionary<string, byte[]> Snapshots(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT account, body FROM snapshots";
        using var reader = command.ExecuteReader();
        var bodies = new Dictionary<string, byte[]>();
        while (reader.Read()) bodies[reader.GetString(0)] = (byte[])reader.GetValue(1);
        return bodies;
    }

    [Fact]
    public void AFileThatIsNotADatabase_IsNamedSo_AndRecoveryStartsEmpty_KeepingTheFileAside()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "state.db");
        File.WriteAllText(path, "this is not a SQLite database, it is a note somebody saved over it\n");

        var damage = DamagedLog.Inspect(path);
        var (kept, movedTo) = DamagedLog.Recover(path, damage!, DateTimeOffset.UtcNow);

        Assert.Contains("not a readable SQLite database", damage!.What);
        Assert.Null(damage.Scope);
        Assert.Equal(0, kept);
        Assert.StartsWith("this is not a SQLite database", File.ReadAllText(movedTo));
        Assert.Null(DamagedLog.Inspect(path));
    }
}
