using System.Diagnostics;
using System.Text;
using LocalVpc.Analysis;

namespace LocalVpc.Network;

/// <summary>
/// A real connection attempt through an instance's proxy (HTTP CONNECT, so a refusal carries its reason), to check the
/// network against the analyzer.
/// </summary>
public static class LiveProbe
{
    /// <summary>How the attempt went.</summary>
    /// <param name="Outcome">
    /// <c>connected</c>; <c>not-served</c> (the network carried it, nothing serves the port: telnet's "Connection refused");
    /// <c>internet-withheld</c> (the VPC sends it to the internet, which LocalVpc does only with <c>--internet allow</c>);
    /// <c>rejected</c> (the VPC denies it, <c>--deny reject</c>); <c>no-answer</c> (the VPC denies it and drops it).
    /// </param>
    public sealed record Result(string Outcome, double Milliseconds, string? ExplanationCode, string? Detail)
    {
        /// <summary>Whether the VPC's network carries the connection (whatever answers at its end): what the analyzer predicts.</summary>
        public bool Carried => Outcome is "connected" or "not-served" or "internet-withheld";
    }

    public static async Task<Result> ConnectAsync(IPEndPoint proxy, string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var socket = new Socket(proxy.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(proxy, deadline.Token);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var authority = host.Contains(':') ? $"[{host}]:{port}" : $"{host}:{port}";
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n\r\n"), deadline.Token);
            var head = await ReadHeadAsync(stream, deadline.Token);
            var milliseconds = clock.Elapsed.TotalMilliseconds;
            var lines = head.Split("\r\n");
            var status = lines[0].Split(' ') is { Length: >= 2 } parts && int.TryParse(parts[1], out var s) ? s : 0;
            var code = lines.Select(l => l.Split(':', 2)).FirstOrDefault(p => p.Length == 2 && p[0].Equals("X-LocalVpc-Explanation", StringComparison.OrdinalIgnoreCase))?[1].Trim();
            var detail = await ReadBodyAsync(stream, lines, deadline.Token);
            return status switch
            {
                200 => new Result("connected", milliseconds, null, null),
                403 when Explanations.IsWithheld(code) => new Result("internet-withheld", milliseconds, code, detail),
                403 => new Result("rejected", milliseconds, code, detail),
                _ => new Result("not-served", milliseconds, code, detail),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Result("no-answer", clock.Elapsed.TotalMilliseconds, null, $"no answer within {timeout.TotalSeconds:0.#} s: the connection is dropped");
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return new Result("rejected", clock.Elapsed.TotalMilliseconds, null, e.Message);
        }
    }

    private static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (!(bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0) throw new IOException("the proxy closed the connection");
            bytes.Add(one[0]);
        }
        return Encoding.Latin1.GetString([.. bytes]);
    }

    private static async Task<string?> ReadBodyAsync(Stream stream, string[] headLines, CancellationToken cancellationToken)
    {
        var length = headLines.Select(l => l.Split(':', 2)).FirstOrDefault(p => p.Length == 2 && p[0].Equals("Content-Length", StringComparison.OrdinalIgnoreCase));
        if (length is null || !int.TryParse(length[1].Trim(), out var n) || n <= 0 || n > 64 * 1024) return null;
        var body = new byte[n];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return Encoding.UTF8.GetString(body).TrimEnd('\n');
    }
}
