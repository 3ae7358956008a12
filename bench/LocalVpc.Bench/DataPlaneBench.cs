using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LocalVpc.Bench;

/// <summary>
/// The data plane against peers in the same run: bulk throughput and new connections per second from a client through
/// an instance's proxy and a KMS/STS endpoint to a local sink, against a direct loopback connection, HAProxy (tcp mode,
/// with and without splice), socat and Dante (a SOCKS5 server); and the VPC resolver's queries per second against
/// unbound, both under dnsperf.
/// </summary>
internal static class DataPlaneBench
{
    private const string BulkName = "kms.us-east-1.amazonaws.com";
    private const string EchoName = "sts.us-east-1.amazonaws.com";

    /// <param name="Prepare">What to do before this path is measured (the flow log of the second LocalVpc row).</param>
    /// <param name="Cpu">The CPU time so far of the process that carries the path's connections, where one process does.</param>
    private sealed record Path(string Name, Func<bool, Task<Socket>> Open, Func<Task>? Prepare = null, Func<TimeSpan>? Cpu = null);

    /// <summary>Every peer process started, ended when the run ends however it ends.</summary>
    private static readonly List<Process> Started = [];

    /// <summary>Peers started in sessions of their own (setsid), ended with every process of the session: Dante forks children that outlive their parent.</summary>
    private static readonly List<int> Sessions = [];

    public static async Task RunAsync(int seconds)
    {
        // Also when the run is stopped from outside (timeout, Ctrl-C), no peer may outlive it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopPeers();
        Console.CancelKeyPress += (_, _) => StopPeers();
        try
        {
            await MeasureAsync(seconds);
        }
        finally
        {
            StopPeers();
        }
    }

    private static void StopPeers()
    {
        lock (Started)
        {
            foreach (var process in Started)
            {
                try
                {
                    // SIGTERM first, so forking peers (Dante) take their children down with them.
                    if (!process.HasExited) Process.Start("kill", ["-TERM", process.Id.ToString()])?.WaitForExit();
                    process.WaitForExit(TimeSpan.FromSeconds(2));
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Ended (and disposed) already.
                }
            }
            Started.Clear();
            foreach (var session in Sessions) Process.Start("pkill", ["-KILL", "-s", session.ToString()])?.WaitForExit();
            Sessions.Clear();
        }
    }

    private static async Task MeasureAsync(int seconds)
    {
        var load = MachineLoad.Start();
        var duration = TimeSpan.FromSeconds(seconds);
        var (bulkPort, echoPort) = (Peer.FreePort(), Peer.FreePort());
        var sink = Start("dotnet", [System.IO.Path.Combine(AppContext.BaseDirectory, "LocalVpc.Bench.dll"), "--role", "sink", "--bulk-port", bulkPort.ToString(), "--echo-port", echoPort.ToString()], stdin: true);
        await sink.StandardOutput.ReadLineAsync();

        string[] services = ["--service", $"kms=tcp://127.0.0.1:{bulkPort}", "--service", $"sts=tcp://127.0.0.1:{echoPort}", "--offline"];
        await using var localVpc = await Peer.LocalVpcAsync(services);
        var (proxy, resolver, endpointIp, vpc) = await BuildNetworkAsync(localVpc);
        // The same LocalVpc with splice(2) off: every byte through the process's buffers, as before the splice engine.
        var work = Directory.CreateTempSubdirectory("localvpc-bench-peers-").FullName;
        var copyConfig = System.IO.Path.Combine(work, "copy-loop.json");
        File.WriteAllText(copyConfig, """{"splice": false}""");
        await using var copying = await Peer.LocalVpcAsync([.. services, "--config", copyConfig]);
        var (copyProxy, _, _, copyVpc) = await BuildNetworkAsync(copying);

        var (haBulk, haEcho, haSpliceBulk, haSpliceEcho, socatBulk, socatEcho) = (Peer.FreePort(), Peer.FreePort(), Peer.FreePort(), Peer.FreePort(), Peer.FreePort(), Peer.FreePort());
        var haproxy = StartHaproxy(work, "plain", haBulk, haEcho, bulkPort, echoPort, splice: false);
        var haproxySplice = StartHaproxy(work, "splice", haSpliceBulk, haSpliceEcho, bulkPort, echoPort, splice: true);
        Start("socat", ["-b", "131072", $"TCP-LISTEN:{socatBulk},bind=127.0.0.1,fork,reuseaddr,backlog=4096", $"TCP:127.0.0.1:{bulkPort}"]);
        Start("socat", [$"TCP-LISTEN:{socatEcho},bind=127.0.0.1,fork,reuseaddr,backlog=4096", $"TCP:127.0.0.1:{echoPort}"]);
        var dantePort = Peer.FreePort();
        StartDante(work, dantePort);
        await WaitForPortsAsync(haBulk, haEcho, haSpliceBulk, haSpliceEcho, socatBulk, socatEcho, dantePort);

        Path[] paths =
        [
            new("direct loopback", bulk => ConnectAsync(bulk ? bulkPort : echoPort)),
            new("LocalVpc (proxy → endpoint)", bulk => SocksAsync(proxy, bulk ? BulkName : EchoName, 443), Cpu: () => localVpc.CpuTime),
            new("LocalVpc, splice off (copy loop)", bulk => SocksAsync(copyProxy, bulk ? BulkName : EchoName, 443), Cpu: () => copying.CpuTime),
            // The same path with the VPC's flow log on: four records per connection, written to a gzipped file as on S3.
            new("LocalVpc, flow log ALL to S3 files", bulk => SocksAsync(proxy, bulk ? BulkName : EchoName, 443), () => LoadClient.PostForXmlAsync(localVpc,
                [("Action", "CreateFlowLogs"), ("Version", "2016-11-15"), ("ResourceType", "VPC"), ("ResourceId.1", vpc), ("TrafficType", "ALL"),
                    ("LogDestinationType", "s3"), ("LogDestination", "arn:aws:s3:::bench-flow-logs")]), Cpu: () => localVpc.CpuTime),
            new("HAProxy (tcp)", bulk => ConnectAsync(bulk ? haBulk : haEcho), Cpu: () => CpuOf(haproxy)),
            new("HAProxy (tcp, splice)", bulk => ConnectAsync(bulk ? haSpliceBulk : haSpliceEcho), Cpu: () => CpuOf(haproxySplice)),
            new("socat", bulk => ConnectAsync(bulk ? socatBulk : socatEcho)),
            // A SOCKS5 server: the same handshake as LocalVpc's proxies, without the VPC behind it.
            new("Dante (SOCKS5)", bulk => SocksAsync($"127.0.0.1:{dantePort}", "127.0.0.1", bulk ? bulkPort : echoPort)),
        ];
        // Both sides at once: the API's lookups while the same server's proxy takes new connections, with the connections
        // run by the engine's loops and (splice off) by .NET's sockets on the thread pool the API uses. Before the flow
        // log's row, which turns one on for the first server's VPC.
        var sides = new List<(string Name, double Lookups, double LookupsBeside, double Connections, double ConnectionsBeside)>();
        foreach (var (name, peer, vpcId, path) in new[] { ("engine (splice on)", localVpc, vpc, paths[1]), (".NET sockets (splice off)", copying, copyVpc, paths[2]) })
        {
            Console.Error.WriteLine($"both sides: {name}");
            Task<Measurement> Lookups(TimeSpan time) => LoadClient.RunAsync(peer, "DescribeVpcs (VpcId.1)", 16, int.MaxValue, time,
                _ => [("Action", "DescribeVpcs"), ("Version", "2016-11-15"), ("VpcId.1", vpcId)]);
            // Warm-up, not measured: the server is new, and the JIT recompiles what runs often in its first seconds.
            await Task.WhenAll(Lookups(TimeSpan.FromSeconds(3)), ConnectionsAsync(path, TimeSpan.FromSeconds(3)));
            var alone = await Lookups(duration);
            var connections = await ConnectionsAsync(path, duration);
            var besideConnections = ConnectionsAsync(path, duration);
            var beside = await Lookups(duration);
            sides.Add((name, alone.RequestsPerSecond, beside.RequestsPerSecond, connections.PerSecond, (await besideConnections).PerSecond));
        }

        var rows = new List<(string Path, double Bulk, double Connections, double? CpuPerConnection)>();
        foreach (var path in paths)
        {
            Console.Error.WriteLine($"data plane: {path.Name}");
            if (path.Prepare is { } prepare) await prepare();
            await BulkAsync(path, TimeSpan.FromSeconds(1)); // warm-up, not measured
            await ConnectionsAsync(path, TimeSpan.FromSeconds(1));
            var bulk = await BulkAsync(path, duration);
            var cpu = path.Cpu?.Invoke();
            var connections = await ConnectionsAsync(path, duration);
            // The carrying process's user and system time over the connections, a connection (the kernel counts in 10 ms ticks).
            rows.Add((path.Name, bulk, connections.PerSecond, cpu is { } before ? (path.Cpu!() - before).TotalMicroseconds / connections.Count : null));
        }

        Console.Error.WriteLine("dns: LocalVpc and unbound under dnsperf");
        var queries = System.IO.Path.Combine(work, "queries.txt");
        File.WriteAllText(queries, $"{BulkName} A\n{EchoName} A\n");
        var unboundPort = Peer.FreePort();
        StartUnbound(work, unboundPort, endpointIp);
        await Task.Delay(500);
        var resolverPort = int.Parse(resolver[(resolver.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
        await DnsperfAsync(resolverPort, queries, 1);
        var ours = await DnsperfAsync(resolverPort, queries, seconds);
        var theirs = await DnsperfAsync(unboundPort, queries, seconds);

        var direct = rows[0];
        var report = new StringBuilder();
        report.AppendLine($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z on {Environment.ProcessorCount} cores; {seconds} s per measurement; one bulk connection, 16 concurrent connect-echo-close loops; {load}.");
        report.AppendLine();
        report.AppendLine("| path | bulk MB/s | ÷ direct | new connections/s | ÷ direct | the proxy's CPU a connection (µs) |");
        report.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Path} | {row.Bulk:0} | {row.Bulk / direct.Bulk:0.00} | {row.Connections:0} | {row.Connections / direct.Connections:0.00} | {(row.CpuPerConnection is { } cpu ? cpu.ToString("0", CultureInfo.InvariantCulture) : "—")} |"));
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"DNS (dnsperf, A queries for endpoint names): LocalVpc {ours:0} queries/s, unbound {theirs:0} queries/s, ratio {ours / theirs:0.00}."));
        report.AppendLine();
        report.AppendLine("Both sides of one server at once (DescribeVpcs by id, 16 clients, beside the 16 connect loops through its proxy):");
        report.AppendLine();
        report.AppendLine("| connections run by | lookups/s alone | lookups/s beside connections | new connections/s alone | beside lookups |");
        report.AppendLine("|---|---|---|---|---|");
        foreach (var side in sides)
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {side.Name} | {side.Lookups:0} | {side.LookupsBeside:0} | {side.Connections:0} | {side.ConnectionsBeside:0} |"));
        Console.WriteLine(report);
        sink.StandardInput.Close();
    }

    /// <summary>A VPC with an instance allowed out on 443 and KMS and STS endpoints with private DNS, their groups allowing 443 in.</summary>
    private static async Task<(string Proxy, string Resolver, string EndpointIp, string Vpc)> BuildNetworkAsync(Peer peer)
    {
        string Field(string xml, string name) => Regex.Match(xml, $"<{name}>([^<]+)</{name}>").Groups[1].Value;
        var vpc = Field(await LoadClient.PostForXmlAsync(peer, [("Action", "CreateVpc"), ("Version", "2016-11-15"), ("CidrBlock", "10.0.0.0/16")]), "vpcId");
        await LoadClient.PostForXmlAsync(peer, [("Action", "ModifyVpcAttribute"), ("Version", "2016-11-15"), ("VpcId", vpc), ("EnableDnsHostnames.Value", "true")]);
        var subnet = Field(await LoadClient.PostForXmlAsync(peer, [("Action", "CreateSubnet"), ("Version", "2016-11-15"), ("VpcId", vpc), ("CidrBlock", "10.0.1.0/24"), ("AvailabilityZone", "us-east-1a")]), "subnetId");
        var group = Field(await LoadClient.PostForXmlAsync(peer, [("Action", "CreateSecurityGroup"), ("Version", "2016-11-15"), ("VpcId", vpc), ("GroupName", "endpoints"), ("GroupDescription", "endpoints")]), "groupId");
        await LoadClient.PostForXmlAsync(peer, [("Action", "AuthorizeSecurityGroupIngress"), ("Version", "2016-11-15"), ("GroupId", group),
            ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", "443"), ("IpPermissions.1.ToPort", "443"), ("IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/16")]);
        var instance = Field(await LoadClient.PostForXmlAsync(peer, [("Action", "RunInstances"), ("Version", "2016-11-15"), ("ImageId", "ami-12345678"), ("MinCount", "1"), ("MaxCount", "1"), ("SubnetId", subnet)]), "instanceId");
        foreach (var service in new[] { "kms", "sts" })
            await LoadClient.PostForXmlAsync(peer, [("Action", "CreateVpcEndpoint"), ("Version", "2016-11-15"), ("VpcId", vpc), ("VpcEndpointType", "Interface"),
                ("ServiceName", $"com.amazonaws.us-east-1.{service}"), ("SubnetId.1", subnet), ("SecurityGroupId.1", group), ("PrivateDnsEnabled", "true")]);
        var status = JsonDocument.Parse(await LoadClient.Http.GetStringAsync($"{peer.Url}/_localvpc/status")).RootElement;
        var vpcStatus = status.GetProperty("accounts").EnumerateArray().SelectMany(a => a.GetProperty("regions").EnumerateArray())
            .SelectMany(r => r.GetProperty("vpcs").EnumerateArray()).Single(v => v.GetProperty("vpcId").GetString() == vpc);
        var proxy = vpcStatus.GetProperty("instances").EnumerateArray().Single(i => i.GetProperty("instanceId").GetString() == instance).GetProperty("proxy").GetString()!;
        var endpointIp = vpcStatus.GetProperty("subnets")[0].GetProperty("networkInterfaces").EnumerateArray()
            .First(n => n.GetProperty("kind").GetString() == "vpc-endpoint").GetProperty("privateIpAddress").GetString()!;
        return (proxy, vpcStatus.GetProperty("dns").GetString()!, endpointIp, vpc);
    }

    private static async Task<double> BulkAsync(Path path, TimeSpan duration)
    {
        using var socket = await path.Open(true);
        var buffer = new byte[256 * 1024];
        long sent = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration) sent += await socket.SendAsync(buffer);
        var elapsed = clock.Elapsed.TotalSeconds;
        socket.Shutdown(SocketShutdown.Send);
        return sent / elapsed / 1e6;
    }

    /// <summary>One process's CPU time so far (socat and Dante fork a process a connection: theirs is not counted).</summary>
    private static TimeSpan CpuOf(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    private static async Task<(double PerSecond, long Count)> ConnectionsAsync(Path path, TimeSpan duration)
    {
        long done = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            var one = new byte[1];
            while (clock.Elapsed < duration)
            {
                using var socket = await path.Open(false);
                await socket.SendAsync(one);
                if (await socket.ReceiveAsync(one) != 1) throw new InvalidOperationException($"{path.Name}: no echo");
                Interlocked.Increment(ref done);
            }
        }));
        return (done / clock.Elapsed.TotalSeconds, done);
    }

    private static async Task<Socket> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return socket;
    }

    /// <summary>SOCKS5 CONNECT with the name unresolved, greeting and request in one write, as a tuned client sends them.</summary>
    private static async Task<Socket> SocksAsync(string proxy, string host, int port)
    {
        var colon = proxy.LastIndexOf(':');
        var socket = await ConnectAsync(int.Parse(proxy[(colon + 1)..], CultureInfo.InvariantCulture));
        var name = Encoding.ASCII.GetBytes(host);
        await socket.SendAsync((byte[])[5, 1, 0, 5, 1, 0, 3, (byte)name.Length, .. name, (byte)(port >> 8), (byte)port]);
        var reply = new byte[12];
        var got = 0;
        while (got < reply.Length)
        {
            var n = await socket.ReceiveAsync(reply.AsMemory(got));
            if (n == 0) throw new InvalidOperationException("the proxy closed the connection");
            got += n;
        }
        if (reply[3] != 0) throw new InvalidOperationException($"the proxy refused: {reply[3]}");
        return socket;
    }

    private static Process StartHaproxy(string work, string name, int bulkFront, int echoFront, int bulkPort, int echoPort, bool splice)
    {
        var config = System.IO.Path.Combine(work, $"haproxy-{name}.cfg");
        File.WriteAllText(config, $"""
            global
              maxconn 4000
            defaults
              mode tcp
              timeout connect 5s
              timeout client 60s
              timeout server 60s
              {(splice ? "option splice-auto" : "")}
            frontend bulk
              bind 127.0.0.1:{bulkFront}
              default_backend bulk
            backend bulk
              server sink 127.0.0.1:{bulkPort}
            frontend echo
              bind 127.0.0.1:{echoFront}
              default_backend echo
            backend echo
              server sink 127.0.0.1:{echoPort}

            """);
        return Start("haproxy", ["-db", "-f", config]);
    }

    private static Process StartDante(string work, int port)
    {
        var config = System.IO.Path.Combine(work, "danted.conf");
        File.WriteAllText(config, $$"""
            logoutput: /dev/null
            internal: 127.0.0.1 port = {{port}}
            external: 127.0.0.1
            socksmethod: none
            clientmethod: none
            user.privileged: root
            user.unprivileged: nobody
            client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }
            socks pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }

            """);
        var dante = Start("setsid", ["danted", "-f", config]);
        lock (Started) Sessions.Add(dante.Id);
        return dante;
    }

    private static Process StartUnbound(string work, int port, string endpointIp)
    {
        var config = System.IO.Path.Combine(work, "unbound.conf");
        File.WriteAllText(config, $"""
            server:
              interface: 127.0.0.1
              port: {port}
              do-daemonize: no
              use-syslog: no
              chroot: ""
              username: ""
              directory: "{work}"
              pidfile: ""
              num-threads: {Environment.ProcessorCount}
              do-ip6: no
              access-control: 127.0.0.0/8 allow
              module-config: "iterator"
              local-zone: "amazonaws.com." static
              local-data: "{BulkName}. 60 IN A {endpointIp}"
              local-data: "{EchoName}. 60 IN A {endpointIp}"

            """);
        return Start("unbound", ["-d", "-c", config]);
    }

    private static async Task<double> DnsperfAsync(int port, string queries, int seconds)
    {
        using var dnsperf = Start("dnsperf", ["-s", "127.0.0.1", "-p", port.ToString(), "-d", queries, "-l", seconds.ToString(), "-c", "4", "-q", "256", "-t", "2"]);
        var output = await dnsperf.StandardOutput.ReadToEndAsync();
        await dnsperf.WaitForExitAsync();
        var match = Regex.Match(output, @"Queries per second:\s+([0-9.]+)");
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException(output);
    }

    private static Process Start(string file, string[] args, bool stdin = false)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        lock (Started) Started.Add(process);
        if (file != "dnsperf" && file != "dotnet") process.BeginOutputReadLine();
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForPortsAsync(params int[] ports)
    {
        foreach (var port in ports)
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var socket = await ConnectAsync(port);
                    break;
                }
                catch (SocketException) when (attempt < 100)
                {
                    await Task.Delay(50);
                }
                catch (SocketException e)
                {
                    throw new InvalidOperationException($"nothing listens on 127.0.0.1:{port} (a peer did not start)", e);
                }
            }
    }
}
