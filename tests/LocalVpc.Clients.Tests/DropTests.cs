using System.Net.Sockets;

namespace LocalVpc.Clients.Tests;

/// <summary>By default a denied connection is dropped as AWS drops it: the client is never answered and waits.</summary>
public sealed class DropTests
{
    [Fact]
    public async Task DeniedConnection_ByDefault_GetsNoAnswer_AndStaysOpen()
    {
        await using var server = await LocalVpcServer.StartAsync();
        var account = ServerFixture.NewAccount();
        var ec2 = Sdk.Ec2(server, account);
        var subnet = (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new("availability-zone", ["us-east-1a"])] })).Subnets[0];
        var instance = (await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-0123456789abcdef0", MinCount = 1, MaxCount = 1, SubnetId = subnet.SubnetId }))
            .Reservation.Instances[0].InstanceId;
        var proxy = await DataPlaneFixture.ProxyOfAsync(server, instance);

        // The default VPC would let this out through its internet gateway; without --internet allow LocalVpc withholds the
        // internet, and a withheld connection is dropped like any denied one.
        await using var stream = await Socks5Client.SendConnectAsync(proxy, "192.0.2.10", 443);
        await server.WaitForOutputAsync($"{instance} → 192.0.2.10:443: denied (drop)");

        // The decision is made and logged; the client has no answer, and its connection is still open.
        var socket = stream.Socket;
        Assert.Equal(0, socket.Available);
        Assert.False(socket.Poll(0, SelectMode.SelectRead), "a dropped connection must neither answer nor close");
    }
}
