using LocalVpc.Network.Dns;
using Makaretu.Dns;

namespace LocalVpc.Network.Tests.Dns;

/// <summary>Names LocalVpc does not own go to the host's resolver unchanged, and its reply comes back unchanged.</summary>
public sealed class HostForwarderTests
{
    [Fact]
    public async Task ForwardAsync_RelaysTheQuery_AndReturnsTheResolversReplyToIt()
    {
        // A resolver of our own on loopback, answering with the library's writer.
        using var resolver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        resolver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var answering = Task.Run(async () =>
        {
            var buffer = new byte[512];
            var peer = new IPEndPoint(IPAddress.Any, 0);
            var received = await resolver.ReceiveFromAsync(buffer, SocketFlags.None, peer);
            var query = (Message)new Message().Read(buffer[..received.ReceivedBytes]);
            var reply = query.CreateResponse();
            reply.Answers.Add(new ARecord { Name = query.Questions[0].Name, Address = IPAddress.Parse("93.184.216.34"), TTL = TimeSpan.FromMinutes(5) });
            await resolver.SendToAsync(reply.ToByteArray(), SocketFlags.None, received.RemoteEndPoint);
        });

        var question = new Message { Id = 4242 };
        question.Questions.Add(new Question { Name = "example.com", Type = DnsType.A });
        var forwarder = new HostForwarder([(IPEndPoint)resolver.LocalEndPoint!]);
        var bytes = await forwarder.ForwardAsync(question.ToByteArray(), default);
        await answering;

        var answer = (Message)new Message().Read(bytes!);
        Assert.Equal(4242, answer.Id);
        Assert.Equal("93.184.216.34", ((ARecord)answer.Answers.Single()).Address.ToString());
    }
}
