using System.Net.Sockets;

namespace LocalVpc.Clients.Tests;

/// <summary><c>--log-level</c>: what the server writes about the data plane's connections.</summary>
public sealed class LogLevelTests
{
    [Fact]
    public async Task Warning_LeavesOutTheDecisions()
    {
        await using var server = await LocalVpcServer.StartAsync(null, null, "--log-level", "warning", "--deny", "reject");
        var (instance, proxy) = await InstanceAsync(server);

        // Refused at once: the decision was made (and would have been logged) before the answer.
        var (reply, _) = await Socks5Client.ConnectAsync(proxy, "192.0.2.10", 443);
        Assert.NotEqual(0, reply);
        await server.StopAsync();

        Assert.Contains("LocalVpc is serving the EC2 API", server.Output);
        Assert.DoesNotContain($"{instance} → 192.0.2.10:443", server.Output);
        Assert.DoesNotContain("listening on", server.Output);
    }

    [Fact]
    public async Task Debug_AddsAConnectionThatEndedEarly()
    {
        await using var server = await LocalVpcServer.StartAsync(null, null, "--log-level", "debug");
        var (instance, proxy) = await InstanceAsync(server);

        // A SOCKS5 greeting cut short after its version byte.
        var colon = proxy.LastIndexOf(':');
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(proxy[..colon], int.Parse(proxy[(colon + 1)..]));
            await client.GetStream().WriteAsync(new byte[] { 5 });
        }
        await server.WaitForOutputAsync($"{instance}: proxy connection ended early");
    }

    private static async Task<(string Instance, string Proxy)> InstanceAsync(LocalVpcServer server)
    {
        var ec2 = Sdk.Ec2(server, ServerFixture.NewAccount());
        var subnet = (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new("availability-zone", ["us-east-1a"])] })).Subnets[0];
        var instance = (await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-0123456789abcdef0", MinCount = 1, MaxCount = 1, SubnetId = subnet.SubnetId }))
            .Reservation.Instances[0].InstanceId;
        return (instance, await DataPlaneFixture.ProxyOfAsync(server, instance));
    }
}
