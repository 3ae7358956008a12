using System.Net.Http.Json;
using System.Text.Json;

namespace LocalVpc.Clients.Tests;

/// <summary>What a server answers rests on its state alone: after a restart on the same data, the same question gets the same answer.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Probe_AfterRestart_GivesTheSameVerdictAndAddress()
    {
        // --offline: the AWS service's public name gets LocalVpc's stand-in address, not whatever the host resolver says today.
        var data = Directory.CreateTempSubdirectory("localvpc-restart-").FullName;
        var account = ServerFixture.NewAccount();
        string instance, before;
        await using (var server = await LocalVpcServer.StartAsync(data, null, "--offline"))
        {
            var ec2 = Sdk.Ec2(server, account);
            var subnet = (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets[0].SubnetId; // the default VPC's: public addresses
            instance = (await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-12345678", MinCount = 1, MaxCount = 1, SubnetId = subnet }))
                .Reservation.Instances[0].InstanceId;
            before = await ProbeAsync(server, account, instance);
            await server.KillAsync();
        }
        await using var restarted = await LocalVpcServer.StartAsync(data, null, "--offline");
        var after = await ProbeAsync(restarted, account, instance);

        Assert.Equal(before, after);
        Assert.Contains("\"destinationAddress\":\"203.0.113.", before);
    }

    /// <summary>The probe's JSON for the instance to KMS's public name on 443, as text to compare whole.</summary>
    private static async Task<string> ProbeAsync(LocalVpcServer server, string account, string instance)
    {
        using var http = new HttpClient();
        var body = await http.GetFromJsonAsync<JsonElement>(
            $"{server.Url}/_localvpc/probe?from={instance}&to=kms.us-east-1.amazonaws.com:443&account={account}");
        return body.GetRawText();
    }
}
