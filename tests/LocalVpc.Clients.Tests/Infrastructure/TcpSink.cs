using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LocalVpc.Clients.Tests.Infrastructure;

/// <summary>
/// A loopback TCP service standing in for whatever serves a destination: it greets each connection with
/// <see cref="Banner"/> and echoes what it reads, so a test sees bytes go both ways.
/// </summary>
public sealed class TcpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    public TcpSink(string banner)
    {
        Banner = banner;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Banner { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    var stream = client.GetStream();
                    try
                    {
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(Banner + "\n"));
                        await stream.CopyToAsync(stream);
                    }
                    catch (IOException)
                    {
                    }
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
    }
}
