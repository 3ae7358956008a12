using System.Text.Json;
using LocalVpc.Core;
using LocalVpc.Core.Commands;
using LocalVpc.Core.Commands.EndpointServices;
using LocalVpc.Core.Resources;
using LocalVpc.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace LocalVpc.Storage.Tests;

/// <summary>
/// Logs written by earlier LocalVpc versions still replay. <c>Golden/log-v0.jsonl</c> is the events table of a real
/// server of the last version before records had a version (the seed's story in two accounts: VPC, subnet, group and
/// rule, instance with a port tag, KMS interface endpoint, S3 gateway endpoint, internet and NAT gateways, an ACL, an
/// NLB service with an endpoint waiting for acceptance, a Network Insights analysis), one row per record as it was stored.
/// </summary>
public sealed class GoldenLogTests
{
    private const string Consumer = "111122223333", Provider = "444455556666", Region = "us-east-1";

    private static async Task<string> GoldenDatabaseAsync()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "state.db");
        await (SqliteEventLog.Open(path)).DisposeAsync(); // the schema, as the log makes it
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "Golden", "log-v0.jsonl")))
        {
            var row = JsonDocument.Parse(line).RootElement;
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO events (account, region, body) VALUES ($a, $r, $b)";
            insert.Parameters.AddWithValue("$a", row.GetProperty("account").GetString());
            insert.Parameters.AddWithValue("$r", row.GetProperty("region").GetString());
            insert.Parameters.AddWithValue("$b", row.GetProperty("body").GetString());
            await insert.ExecuteNonQueryAsync();
        }
        return path;
    }

    private static async Task<(CommandPipeline, SqliteEventLog)> OpenAsync(string path)
    {
        var log = SqliteEventLog.Open(path);
        return (await CommandPipeline.OpenAsync(log, new CommandContext(new Core.Ids.SequentialIdSource(1 << 40), TimeProvider.System), new PipelineOptions()), log);
    }

    [Fact]
    public async Task VersionZeroLog_Replays_AndTakesNewWritesThatReplayToo()
    {
        var path = await GoldenDatabaseAsync();
        var (pipeline, log) = await OpenAsync(path);
        var region = pipeline.Published.Region(Region);
        var consumer = region.Account(Consumer);
        var provider = region.Account(Provider);

        var vpc = consumer.Vpcs.Values.Single(v => consumer.TagsOf(v.Id).GetValueOrDefault("Name") == "golden");
        Assert.Equal("10.0.0.0/16", vpc.CidrBlock);
        Assert.True(vpc.EnableDnsHostnames);
        var kms = consumer.VpcEndpoints.Values.Single(e => e.ServiceName == "com.amazonaws.us-east-1.kms");
        Assert.Equal(VpcEndpointState.Available, kms.StateAt(DateTimeOffset.UtcNow));
        Assert.Single(kms.NetworkInterfaceIds);
        Assert.Contains(consumer.VpcEndpoints.Values, e => e.ServiceName == "com.amazonaws.us-east-1.s3" && e.Type == "Gateway");
        Assert.Single(consumer.NatGateways);
        Assert.Single(consumer.NetworkInsightsAnalyses.Values, a => a.NetworkPathFound == true);
        var instance = consumer.Instances.Values.Single(i => i.VpcId == vpc.Id);
        Assert.Equal("127.0.0.1:8443", consumer.TagsOf(instance.Id)["localvpc:port:443"]);
        var service = provider.EndpointServices.Values.Single();
        var waiting = consumer.VpcEndpoints.Values.Single(e => e.ServiceName == service.ServiceName);
        Assert.Equal(VpcEndpointState.PendingAcceptance, waiting.State);

        // A new write in the current version, across both accounts, on top of the old records.
        var accepted = await pipeline.ExecuteAsync(new Scope(Provider, Region), new AnswerEndpointConnections(service.Id, [waiting.Id], Accept: true));
        Assert.Empty(accepted.Value);
        await log.DisposeAsync();

        var (reopened, log2) = await OpenAsync(path);
        Assert.Equal(VpcEndpointState.Available, reopened.Published.Region(Region).Account(Consumer).VpcEndpoints[waiting.Id].State);
        Assert.Equal(consumer.VpcEndpoints.Count, reopened.Published.Region(Region).Account(Consumer).VpcEndpoints.Count);
        await log2.DisposeAsync();
    }

    [Fact]
    public void RecordFromANewerVersion_IsRefusedWithAMessage()
    {
        var error = Assert.Throws<InvalidDataException>(() => EventJson.Deserialize("""{"version":99,"events":[]}"""));
        Assert.Contains("newer LocalVpc", error.Message);
    }

    [Fact]
    public void ARecordsFields_AreReadInAnyOrder_AndARecordWithoutOne_IsRefused()
    {
        var vpcRemoved = """{"$event":"removed","Id":"vpc-0123456789abcdef0"}""";
        foreach (var json in (string[])[$$"""{"version":1,"events":[{{vpcRemoved}}]}""", $$"""{"events":[{{vpcRemoved}}],"version":1}""", $"[{vpcRemoved}]"])
            Assert.Equal([new LocalVpc.Core.Events.ResourceRemoved("vpc-0123456789abcdef0")], EventJson.Deserialize(json));

        Assert.Contains("without events", Assert.Throws<InvalidDataException>(() => EventJson.Deserialize("""{"version":1}""")).Message);
        Assert.Contains("without a version", Assert.Throws<InvalidDataException>(() => EventJson.Deserialize("""{"events":[]}""")).Message);
        Assert.Contains("newer LocalVpc", Assert.Throws<InvalidDataException>(() => EventJson.Deserialize("""{"events":[],"version":2}""")).Message);
    }
}
