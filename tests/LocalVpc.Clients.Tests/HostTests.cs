using System.Net;
using System.Text.Json;

namespace LocalVpc.Clients.Tests;

/// <summary>LocalVpc's own endpoints and start options.</summary>
public sealed class HostTests(OwnServerFixture fixture) : IClassFixture<OwnServerFixture>
{
    [Fact]
    public async Task Health_Answers200WithJson()
    {
        var response = await RawEc2.Http.GetAsync($"{fixture.Server.Url}/_localvpc/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ready", json.GetProperty("status").GetString());
        Assert.Equal("2016-11-15", json.GetProperty("ec2ApiVersion").GetString());
    }

    [Fact]
    public async Task Reset_ClearsEveryAccountAndRegion()
    {
        var account = ServerFixture.NewAccount();
        var east = Sdk.Ec2(fixture.Server, account);
        var west = Sdk.Ec2(fixture.Server, account, "us-west-2");
        var vpc = (await east.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var westVpc = (await west.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;

        var response = await RawEc2.Http.PostAsync($"{fixture.Server.Url}/_localvpc/reset", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        foreach (var (client, id) in new[] { (east, vpc), (west, westVpc) })
        {
            var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => client.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [id] }));
            Assert.Equal("InvalidVpcID.NotFound", error.ErrorCode);
            Assert.True(Assert.Single((await client.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs).IsDefault);
        }
    }

    [Fact]
    public async Task AccessKeyNotTwelveDigits_UsesTheDefaultAccount()
    {
        var ec2 = Sdk.Ec2(fixture.Server, "AKIAEXAMPLE");
        var vpc = Assert.Single((await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new("is-default", ["true"])] })).Vpcs);
        Assert.Equal("000000000000", vpc.OwnerId);
    }

    [Fact]
    public async Task Start_TakesNoSettingsFromItsWorkingDirectoryOrEnvironment()
    {
        // A project's appsettings.json and an ASP.NET app's environment name endpoints: LocalVpc listens on its --port alone.
        var project = Directory.CreateTempSubdirectory("localvpc-project-").FullName;
        var (fromFile, fromEnvironment) = (LocalVpcServer.FreePort(), LocalVpcServer.FreePort());
        await File.WriteAllTextAsync(Path.Combine(project, "appsettings.json"),
            $$"""{"Kestrel": {"Endpoints": {"Project": {"Url": "http://127.0.0.1:{{fromFile}}"} } } }""");
        await using var server = await LocalVpcServer.StartAsync(info =>
        {
            info.WorkingDirectory = project;
            info.Environment["Kestrel__Endpoints__App__Url"] = $"http://127.0.0.1:{fromEnvironment}";
        });

        Assert.NotEmpty((await Sdk.Ec2(server, ServerFixture.NewAccount()).DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs);
        foreach (var port in new[] { fromFile, fromEnvironment })
        {
            using var client = new System.Net.Sockets.TcpClient();
            var refused = await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
            Assert.Equal(System.Net.Sockets.SocketError.ConnectionRefused, refused.SocketErrorCode);
        }
    }

    [Fact]
    public async Task NoDefaultVpc_StartsRegionsEmpty_AndAccountOptionSetsTheDefaultAccount()
    {
        await using var server = await LocalVpcServer.StartAsync(null, null, "--no-default-vpc", "--account", "111122223333");
        var ec2 = Sdk.Ec2(server, "not-an-account");
        Assert.True((await ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs is null or { Count: 0 });
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc;
        Assert.Equal("111122223333", vpc.OwnerId);
        var noDefault = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "g", Description = "g" }));
        Assert.Equal("VPCIdNotSpecified", noDefault.ErrorCode);
    }

    [Fact]
    public async Task EndpointDelay_KeepsNewEndpointsPending_ForTheGivenTime()
    {
        // An hour: long enough that the test never sees the end of it, without waiting on a clock.
        await using var server = await LocalVpcServer.StartAsync(null, null, "--endpoint-delay", "3600");
        var ec2 = Sdk.Ec2(server, ServerFixture.NewAccount());
        var subnet = (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets[0];
        var endpoint = (await ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = subnet.VpcId, VpcEndpointType = VpcEndpointType.Interface, ServiceName = "com.amazonaws.us-east-1.sts", SubnetIds = [subnet.SubnetId],
        })).VpcEndpoint.VpcEndpointId;
        var pending = await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { Filters = [new("vpc-endpoint-state", ["pending"])] });
        Assert.Equal(endpoint, Assert.Single(pending.VpcEndpoints).VpcEndpointId);
        Assert.Equal("pending", pending.VpcEndpoints[0].State.Value, ignoreCase: true);
    }
}
