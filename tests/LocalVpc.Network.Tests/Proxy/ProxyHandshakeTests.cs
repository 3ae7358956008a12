using LocalVpc.Network.Proxy;

namespace LocalVpc.Network.Tests.Proxy;

/// <summary>The proxy's side of SOCKS5 (RFC 1928) and HTTP proxying, over a real loopback connection.</summary>
public sealed class ProxyHandshakeTests
{
    private static readonly int MaxHead = new DataPlaneOptions().MaxHttpHead;

    private static byte[] SocksConnect(string host, int port) =>
        [5, 1, 0, 3, (byte)host.Length, .. Encoding.ASCII.GetBytes(host), (byte)(port >> 8), (byte)port];

    [Fact]
    public async Task Socks5_GreetingThenRequest_AnswersTheMethodAtOnce_AndReadsTheNameUnresolved()
    {
        await using var pair = await SocketPair.ConnectAsync();
        await pair.Client.WriteAsync(new byte[] { 5, 1, 0 });
        var reading = ProxyHandshake.ReadAsync(pair.Proxy, MaxHead, default);
        Assert.Equal(new byte[] { 5, 0 }, await pair.ClientReadsAsync(2));
        await pair.Client.WriteAsync(SocksConnect("kms.us-east-1.amazonaws.com", 443));

        var session = await reading;
        var request = session!.Request;
        Assert.Equal((ProxyProtocol.Socks5, "kms.us-east-1.amazonaws.com", 443), (request.Protocol, request.Host, request.Port));
        await session.AcceptAsync(default); // the method choice went out already: the reply alone follows
        Assert.Equal(new byte[] { 5, 0, 0, 1, 0, 0, 0, 0, 0, 0 }, await pair.ClientReadsAsync(10));
    }

    [Fact]
    public async Task Socks5_PipelinedRequestAndEarlyData_MethodComesWithTheReply_AndTheDataIsKeptForTheDestination()
    {
        await using var pair = await SocketPair.ConnectAsync();
        await pair.Client.WriteAsync((byte[])[5, 1, 0, .. SocksConnect("10.0.1.5", 443), .. "hello"u8.ToArray()]);

        var session = await ProxyHandshake.ReadAsync(pair.Proxy, MaxHead, default);
        Assert.Equal("10.0.1.5", session!.Request.Host);
        Assert.Equal("hello", Encoding.ASCII.GetString(session.Request.Prelude.Span));
        await session.RefuseAsync(Refusal.NotAllowed, "ENI_SG_RULES_MISMATCH", "denied", default);
        Assert.Equal(new byte[] { 5, 0, 5, 2, 0, 1, 0, 0, 0, 0, 0, 0 }, await pair.ClientReadsAsync(12));
    }

    [Fact]
    public async Task Socks5_WithoutNoAuthentication_OrABindCommand_IsAnsweredAndNotServed()
    {
        await using (var pair = await SocketPair.ConnectAsync())
        {
            await pair.Client.WriteAsync(new byte[] { 5, 1, 2 });
            Assert.Null(await ProxyHandshake.ReadAsync(pair.Proxy, MaxHead, default));
            Assert.Equal(new byte[] { 5, 0xFF }, await pair.ClientReadsAsync(2));
        }
        await using (var pair = await SocketPair.ConnectAsync())
        {
            await pair.Client.WriteAsync((byte[])[5, 1, 0, 5, 2, 0, 1, 10, 0, 1, 5, 1, 187]);
            Assert.Null(await ProxyHandshake.ReadAsync(pair.Proxy, MaxHead, default));
            Assert.Equal(new byte[] { 5, 0, 5, 7 }, (await pair.ClientReadsAsync(12))[..4]);
        }
    }

    [Fact]
    public async Task HttpConnect_NamesTheTunnel_AndARefusalCarriesItsExplanation()
    {
        await using var pair = await SocketPair.ConnectAsync();
        await pair.Client.WriteAsync("CONNECT kms.us-east-1.amazonaws.com:443 HTTP/1.1\r\nHost: kms.us-east-1.amazonaws.com:443\r\n\r\n"u8.ToArray());
        var session = await ProxyHandshake.ReadAsync(pair.Proxy, MaxHead, default);
        var request = session!.Request;
        Assert.Equal((ProxyProtocol.HttpConnect, "kms.us-east-1.amazonaws.com", 443), (request.Protocol, request.Host, request.Port));

        await session.RefuseAsync(Refusal.NotAllowed, "ENI_SG_RULES_MISMATCH", "no inbound rule", default);
        pair.Proxy.Socket.Shutdown(SocketShutdown.Send);
        var reply = await new StreamReader(pair.Client).ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 403 Forbidden\r\n", reply);
        Assert.Contains("X-LocalVpc-Explanation: ENI_SG_RULES_MISMATCH\r\n", reply);
        Assert.EndsWith("\r\n\r\nno inbound rule\n", reply);
    }

    [Fact]
    public async Task PlainHttp_IsForwardedInOriginForm_OneRequestPerConnection()
    {
        await using var pair = await SocketPair.ConnectAsync();
        await pair.Client.WriteAsync("POST http://10.0.1.9:8080/path?q=1 HTTP/1.1\r\nHost: 10.0.1.9:8080\r\nProxy-Connection: keep-alive\r\nContent-Length: 2\r\n\r\nhi"u8.ToArray());
        var request = (await ProxyHandshake.ReadAsync(pair.Proxy, MaxHead, default))!.Request;
        Assert.Equal((ProxyProtocol.HttpForward, "10.0.1.9", 8080), (request.Protocol, request.Host, request.Port));
        Assert.Equal("POST /path?q=1 HTTP/1.1\r\nHost: 10.0.1.9:8080\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi",
            Encoding.Latin1.GetString(request.Prelude.Span));
    }

    [Fact]
    public async Task PlainHttp_ToAnHttpsUrl_IsRefusedWith400()
    {
        await using var pair = await SocketPair.ConnectAsync();
        await pair.Client.WriteAsync("GET https://example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n"u8.ToArray());
        Assert.Null(await ProxyHandshake.ReadAsync(pair.Proxy, MaxHead, default));
        Assert.StartsWith("HTTP/1.1 400", Encoding.ASCII.GetString(await pair.ClientReadsAsync(12)));
    }
}
