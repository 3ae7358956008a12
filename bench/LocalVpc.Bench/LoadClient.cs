using System.Diagnostics;
using System.Net;

namespace LocalVpc.Bench;

/// <summary>One measured scenario: requests per second and latency percentiles.</summary>
internal sealed record Measurement(string Peer, string Scenario, int Concurrency, int Requests, int Errors, double Seconds,
    double P50Ms, double P99Ms)
{
    /// <summary>Which of the suite's passes measured it (the first runs cold, right after the server started).</summary>
    public string Pass { get; init; } = "";

    /// <summary>The CPU time the peer's process used while the scenario ran (user and system, all its threads).</summary>
    public TimeSpan ServerCpu { get; init; }

    public double RequestsPerSecond => Requests / Seconds;

    /// <summary>
    /// The peer's CPU a request: steadier than requests per second on a shared 2-core machine, since it does not count
    /// what the load client and the kernel's loopback take beside it.
    /// </summary>
    public double ServerCpuMicrosecondsPerRequest => Requests == 0 ? double.NaN : ServerCpu.TotalMicroseconds / Requests;
}

/// <summary>
/// The same closed-loop load client for every peer: <c>concurrency</c> workers, each sending its next
/// request when the last one answered, until the request budget or the time budget is spent.
/// </summary>
internal static class LoadClient
{
    /// <summary>The region requests are signed for: each pass of the suites works in a region of its own.</summary>
    public static string Region { get; set; } = "us-east-1";

    public static readonly HttpClient Http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseProxy = false })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static Task<Measurement> RunAsync(Peer peer, string scenario, int concurrency, int maxRequests, TimeSpan maxTime,
        Func<int, (string Key, string Value)[]> request) =>
        RunUnitsAsync(peer, scenario, concurrency, maxRequests, maxTime, async n => await SendAsync(peer, request(n)) == HttpStatusCode.OK);

    /// <summary>The same loop for a unit of work made of several requests (a listing that follows NextToken).</summary>
    public static async Task<Measurement> RunUnitsAsync(Peer peer, string scenario, int concurrency, int maxUnits, TimeSpan maxTime,
        Func<int, Task<bool>> unit)
    {
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var issued = -1;
        var cpu = peer.CpuTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>();
            int n;
            while ((n = Interlocked.Increment(ref issued)) < maxUnits && clock.Elapsed < maxTime)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await unit(n);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref errors);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var serverCpu = peer.CpuTime - cpu;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Measurement(peer.Name, scenario, concurrency, all.Length, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.99))
        {
            ServerCpu = serverCpu,
        };
    }

    /// <summary>One request whose answer is read to its end but not decoded: as wrk does, the client pays for receiving, not parsing.</summary>
    public static async Task<HttpStatusCode> SendAsync(Peer peer, (string Key, string Value)[] form)
    {
        using var message = Request(peer, form);
        using var response = await Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        await response.Content.CopyToAsync(Stream.Null);
        return response.StatusCode;
    }

    public static async Task<string> PostForXmlAsync(Peer peer, (string Key, string Value)[] form) =>
        (await PostAsync(peer, form)).Body;

    /// <summary>One EC2 Query request, signed-looking (moto and LocalVpc read the region and account from the scope).</summary>
    public static async Task<(HttpStatusCode Status, string Body)> PostAsync(Peer peer, (string Key, string Value)[] form)
    {
        using var message = Request(peer, form);
        using var response = await Http.SendAsync(message);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The answer's bytes, undecoded: a listing's client counts and finds elements in them without building a string.</summary>
    public static async Task<(HttpStatusCode Status, byte[] Body)> PostForBytesAsync(Peer peer, (string Key, string Value)[] form)
    {
        using var message = Request(peer, form);
        using var response = await Http.SendAsync(message);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    private static HttpRequestMessage Request(Peer peer, (string Key, string Value)[] form)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, peer.Url + "/")
        {
            Content = new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, p.Value))),
        };
        message.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=123456789012/20260101/{Region}/ec2/aws4_request, SignedHeaders=host, Signature=00");
        return message;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
