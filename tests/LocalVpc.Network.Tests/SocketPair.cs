namespace LocalVpc.Network.Tests;

/// <summary>Two ends of a real loopback TCP connection: the client's and the proxy's.</summary>
public sealed class SocketPair : IAsyncDisposable
{
    private SocketPair(NetworkStream client, NetworkStream proxy)
    {
        Client = client;
        Proxy = proxy;
    }

    public NetworkStream Client { get; }

    public NetworkStream Proxy { get; }

    public static async Task<SocketPair> ConnectAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var accepting = listener.AcceptAsync();
        await client.ConnectAsync(listener.LocalEndPoint!);
        return new SocketPair(new NetworkStream(client, ownsSocket: true), new NetworkStream(await accepting, ownsSocket: true));
    }

    /// <summary>Everything the proxy side has written so far that the client can read without waiting.</summary>
    public async Task<byte[]> ClientReadsAsync(int count)
    {
        var bytes = new byte[count];
        await Client.ReadExactlyAsync(bytes);
        return bytes;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Proxy.DisposeAsync();
    }
}
