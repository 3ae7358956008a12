using System.Diagnostics;
using LocalVpc.Status;

namespace LocalVpc;

/// <summary>
/// <c>localvpc exec i-… -- CMD ARGS…</c>: runs a command as if on the instance. Programs that honour proxy variables
/// use the instance's proxy through them; with proxychains4 installed, every other program's connections (telnet, nc,
/// psql) are sent through it too, names resolved by the instance's VPC.
/// </summary>
internal static class ExecCommand
{
    public static async Task<int> RunAsync(string endpointUrl, string instanceId, string[] command, CancellationToken cancellationToken)
    {
        var report = await StatusClient.GetAsync(endpointUrl, cancellationToken);
        if (report is null) return 2;
        var instance = report.Accounts.SelectMany(a => a.Regions).SelectMany(r => r.Vpcs).SelectMany(v => v.Instances).FirstOrDefault(i => i.InstanceId == instanceId);
        if (instance?.Proxy is not { } proxy)
        {
            Console.Error.WriteLine(instance is null ? $"{instanceId} is not an instance of this LocalVpc" : $"{instanceId} is {instance.State}: only running instances have a proxy");
            return 2;
        }

        var info = new ProcessStartInfo { UseShellExecute = false };
        var proxychains = FindOnPath("proxychains4");
        string? proxychainsConfig = null;
        if (proxychains is not null)
        {
            proxychainsConfig = WriteProxychainsConfig(proxy);
            info.FileName = proxychains;
            foreach (var arg in new[] { "-q", "-f", proxychainsConfig }) info.ArgumentList.Add(arg);
            info.ArgumentList.Add(command[0]);
        }
        else
        {
            Console.Error.WriteLine("localvpc exec: proxychains4 is not installed, so only programs that read HTTPS_PROXY/ALL_PROXY go through " +
                                    $"{instanceId}; for telnet, nc, psql and the like install it (apt-get install proxychains4).");
            info.FileName = command[0];
        }
        foreach (var arg in command.Skip(1)) info.ArgumentList.Add(arg);

        // The instance reaches AWS by AWS's own names: an endpoint URL pointing at LocalVpc's API would bypass its network.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("AWS_ENDPOINT_URL", StringComparison.Ordinal)).ToList()) info.Environment.Remove(name);
        foreach (var name in new[] { "HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy" }) info.Environment[name] = $"http://{proxy}";
        foreach (var name in new[] { "ALL_PROXY", "all_proxy" }) info.Environment[name] = $"socks5h://{proxy}";
        foreach (var name in new[] { "NO_PROXY", "no_proxy" }) info.Environment[name] = "";
        info.Environment["AWS_CA_BUNDLE"] = report.CaBundle;
        info.Environment["LOCALVPC_INSTANCE"] = instanceId;

        try
        {
            using var process = Process.Start(info)!;
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"localvpc exec: cannot run {command[0]}: {e.Message}");
            return 127;
        }
        finally
        {
            if (proxychainsConfig is not null) File.Delete(proxychainsConfig);
        }
    }

    /// <summary>
    /// Every connection goes to the instance's proxy with the name unresolved (proxy_dns), except connections to that
    /// proxy itself, which programs reading HTTPS_PROXY make directly.
    /// </summary>
    private static string WriteProxychainsConfig(string proxy)
    {
        var colon = proxy.LastIndexOf(':');
        var (address, port) = (proxy[..colon], proxy[(colon + 1)..]);
        var path = Path.Combine(Path.GetTempPath(), $"localvpc-proxychains-{Environment.ProcessId}-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, $"""
            strict_chain
            proxy_dns
            remote_dns_subnet 224
            # As long as a client waits for a dropped SYN before giving up.
            tcp_read_time_out 130000
            tcp_connect_time_out 10000
            localnet {address}:{port}/255.255.255.255
            [ProxyList]
            socks5 {address} {port}

            """);
        return path;
    }

    /// <summary>The program's full path on PATH, if it is installed.</summary>
    internal static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
}
