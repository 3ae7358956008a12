using System.Net;
using System.Net.Sockets;

namespace LocalVpc.Bench;

/// <summary>
/// What the data-plane benchmark connects to, run as its own process (<c>--role sink</c>) so it does not share the
/// client's threads: a bulk port that reads and discards, and an echo port that answers one byte and closes.
/// </summary>
internal static class Sink
{
    public static async Task RunAsync(int bulkPort, int echoPort)
    {
        var bulk = Listen(bulkPort);
        var echo = Listen(echoPort);
        _ = AcceptAsync(bulk, DiscardAsync);
        _ = AcceptAsync(echo, EchoAsync);
        Console.WriteLine("ready");
        // The parent ends the sink by closing its stdin.
        await Console.In.ReadToEndAsync();
    }

    private static Socket Listen(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        socket.Listen(4096);
        return socket;
    }

    private static async Task AcceptAsync(Socket listener, Func<Socket, Task> serve)
    {
        while (true)
        {
            var client = await listener.AcceptAsync();
            _ = Task.Run(() => serve(client));
        }
    }

    private static async Task DiscardAsync(Socket client)
    {
        using (client)
        {
            var buffer = new byte[256 * 1024];
            try
            {
                while (await client.ReceiveAsync(buffer) > 0) { }
            }
            catch (SocketException) { }
        }
    }

    private static async Task EchoAsync(Socket client)
    {
        using (client)
        {
            var one = new byte[1];
            try
            {
                if (await client.ReceiveAsync(one) == 1) await client.SendAsync(one);
                client.Shutdown(SocketShutdown.Send);
                while (await client.ReceiveAsync(one) > 0) { }
            }
            catch (SocketException) { }
        }
    }
}
