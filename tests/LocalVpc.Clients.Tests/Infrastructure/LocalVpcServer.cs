using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LocalVpc.Clients.Tests.Infrastructure;

/// <summary>A real <c>localvpc up</c> process on a free loopback port with its own data directory.</summary>
public sealed class LocalVpcServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    public string DataDirectory { get; }
    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";

    private LocalVpcServer(Process process, string dataDirectory, int port)
    {
        _process = process;
        DataDirectory = dataDirectory;
        Port = port;
    }

    /// <summary>What the server printed so far, for failure messages.</summary>
    public string Output
    {
        get { lock (_output) return string.Join('\n', _output); }
    }

    /// <summary>Starts a server and waits until its health endpoint answers.</summary>
    public static Task<LocalVpcServer> StartAsync(string? dataDirectory = null, int? port = null, params string[] extraArgs) =>
        StartAsync(_ => { }, dataDirectory, port, extraArgs);

    /// <summary>Starts a server whose process <paramref name="setup"/> adjusts first (its working directory, its environment).</summary>
    public static async Task<LocalVpcServer> StartAsync(Action<ProcessStartInfo> setup, string? dataDirectory = null, int? port = null, params string[] extraArgs)
    {
        dataDirectory ??= Directory.CreateTempSubdirectory("localvpc-test-").FullName;
        var chosenPort = port ?? FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "localvpc.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "up", "--port", chosenPort.ToString(), "--data", dataDirectory }.Concat(extraArgs))
            info.ArgumentList.Add(arg);
        setup(info);
        var process = Process.Start(info)!;
        var server = new LocalVpcServer(process, dataDirectory, chosenPort);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (server._output) server._output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (server._output) server._output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync();
        return server;
    }

    /// <summary>Runs <c>localvpc up</c> where it must not start: it exits (bounded, not left running), and says why.</summary>
    public static async Task<ChildProcess.Result> RefusedAsync(string dataDirectory, params string[] extraArgs)
    {
        var info = new ProcessStartInfo("dotnet");
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "localvpc.dll"), "up", "--port", "0", "--data", dataDirectory }.Concat(extraArgs))
            info.ArgumentList.Add(arg);
        return await ChildProcess.RunAsync(info, "dotnet runs localvpc", TimeSpan.FromMinutes(2));
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // Bounded: a server that is not up after this many tries failed to start.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"localvpc exited with {_process.ExitCode}:\n{Output}");
            try
            {
                var response = await http.GetAsync($"{Url}/_localvpc/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(50);
        }
        throw new TimeoutException($"localvpc did not become healthy:\n{Output}");
    }

    /// <summary>Waits until the server has printed a line containing <paramref name="text"/> (its log is written asynchronously).</summary>
    public async Task WaitForOutputAsync(string text)
    {
        // Bounded: a line that has not appeared after this many looks is not coming.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (Output.Contains(text, StringComparison.Ordinal)) return;
            await Task.Delay(25);
        }
        Assert.Fail($"the server never printed '{text}':\n{Output}");
    }

    /// <summary>SIGTERM, as Ctrl+C or <c>docker stop</c> sends: the server shuts down, its log written out; waits (bounded) until it has exited.</summary>
    public async Task StopAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])!;
        await kill.WaitForExitAsync();
        using var bounded = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _process.WaitForExitAsync(bounded.Token);
    }

    /// <summary>SIGKILL: the process gets no chance to flush or clean up.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
