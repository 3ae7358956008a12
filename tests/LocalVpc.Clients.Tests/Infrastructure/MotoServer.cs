using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LocalVpc.Clients.Tests.Infrastructure;

/// <summary>A real moto_server on a free loopback port: the local stand-in for an AWS service behind an endpoint.</summary>
public sealed class MotoServer : IAsyncDisposable
{
    private readonly Process _process;

    private MotoServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Starts moto_server on <paramref name="port"/>, or on a free port.</summary>
    public static async Task<MotoServer> StartAsync(int? chosenPort = null)
    {
        var port = chosenPort ?? LocalVpcServer.FreePort();
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString() }) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MotoServer(process, port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // Bounded: moto that does not answer after this many tries failed to start (is moto[server] installed?).
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException("moto_server exited: install it with pip install 'moto[server]' (or run .ci/run)");
            try
            {
                await http.GetAsync($"{server.Url}/moto-api/");
                return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("moto_server did not answer");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
