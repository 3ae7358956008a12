using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LocalVpc.Bench;

/// <summary>A server under test, started as a process on a free loopback port.</summary>
internal sealed class Peer : IAsyncDisposable
{
    private readonly Process _process;

    public string Name { get; }
    public string Url { get; }

    /// <summary>The server's process id (for its memory in /proc).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The CPU time the server's process has used so far (user and system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    private Peer(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Url = $"http://127.0.0.1:{port}";
    }

    public static Task<Peer> LocalVpcAsync() => LocalVpcAsync([]);

    /// <summary>LocalVpc with more options for <c>up</c> (service upstreams, say).</summary>
    public static Task<Peer> LocalVpcAsync(string[] options) => LocalVpcAsync(Directory.CreateTempSubdirectory("localvpc-bench-").FullName, options);

    /// <summary>LocalVpc on a given data directory: a second one on the same directory restarts from its state.</summary>
    public static Task<Peer> LocalVpcAsync(string data, string[] options)
    {
        var port = FreePort();
        return StartAsync("localvpc", "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "localvpc.dll"), "up", "--port", port.ToString(), "--data", data, .. options], port, "/_localvpc/health");
    }

    public static Task<Peer> MotoAsync()
    {
        var port = FreePort();
        return StartAsync("moto_server", "moto_server", ["-H", "127.0.0.1", "-p", port.ToString()], port, "/moto-api/");
    }

    private static async Task<Peer> StartAsync(string name, string file, string[] args, int port, string healthPath)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new Peer(name, process, port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // Asked every 10 ms (3,000 tries): the scale suite times a restart by when this returns.
        for (var attempt = 0; attempt < 3000; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"{name} exited with {process.ExitCode}");
            try
            {
                if ((await http.GetAsync(peer.Url + healthPath)).IsSuccessStatusCode) return peer;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(10);
        }
        throw new TimeoutException($"{name} did not start");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
