using System.Net.Http.Json;
using System.Text.Json;

namespace LocalVpc;

/// <summary>
/// <c>localvpc probe</c>: asks a running LocalVpc whether a flow is reachable and prints the path hop by hop.
/// Exit code 0 when reachable, 1 when not, 2 when the question itself is wrong.
/// </summary>
internal static class ProbeCommand
{
    /// <summary>The exit code when the analyzer and the live connection disagree.</summary>
    public const int Disagreement = 3;

    public static async Task<int> RunAsync(string from, string to, string protocol, bool json, string endpointUrl, string? account,
        string? region, bool live, double liveTimeout, bool preferIpv6, CancellationToken cancellationToken)
    {
        account ??= Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is { Length: 12 } key && key.All(char.IsAsciiDigit) ? key : null;
        region ??= Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        var query = $"from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}&protocol={Uri.EscapeDataString(protocol)}" +
                    (account is null ? "" : $"&account={account}") + (region is null ? "" : $"&region={region}") +
                    (live ? $"&live=true&timeout={liveTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "") +
                    (preferIpv6 ? "&ipv6=true" : "");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30 + (live ? liveTimeout : 0)) };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(LocalCaller.SignedGet($"{endpointUrl.TrimEnd('/')}/_localvpc/probe?{query}"), cancellationToken);
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"LocalVpc is not answering at {endpointUrl}: {e.Message}");
            return 2;
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine(body.TryGetProperty("error", out var error) ? error.GetString() : body.ToString());
            return 2;
        }
        var reachable = body.GetProperty("reachable").GetBoolean();
        var liveResult = body.TryGetProperty("live", out var l) && l.ValueKind == JsonValueKind.Object ? l : (JsonElement?)null;
        var exitCode = liveResult is { } r && !r.GetProperty("agrees").GetBoolean() ? Disagreement : reachable ? 0 : 1;
        if (json)
        {
            Console.WriteLine(body.ToString());
            return exitCode;
        }
        Console.WriteLine($"{from} → {body.GetProperty("to").GetString()}:{body.GetProperty("port").GetInt32()}/{protocol}");
        var step = 1;
        foreach (var hop in body.GetProperty("hops").EnumerateArray())
        {
            var passed = hop.GetProperty("passed").GetBoolean();
            var code = hop.GetProperty("explanationCode").ValueKind == JsonValueKind.String ? $"  [{hop.GetProperty("explanationCode").GetString()}]" : "";
            Console.WriteLine($"  {step++,2}. {(passed ? "ok  " : "STOP")} {hop.GetProperty("component").GetString(),-24} {hop.GetProperty("detail").GetString()}{code}");
        }
        Console.WriteLine(reachable ? "REACHABLE" : $"NOT REACHABLE: {body.GetProperty("explanationCode").GetString()}");
        if (!reachable) Console.WriteLine($"Fix: {body.GetProperty("fix").GetString()}");
        if (liveResult is { } attempt)
        {
            string? Text(string name) => attempt.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var how = Text("outcome") switch
            {
                "connected" => $"connected in {attempt.GetProperty("milliseconds").GetDouble():0.###} ms through {Text("proxy")}",
                "not-served" => $"the network carried it, but nothing answered: {Text("detail")}",
                "rejected" => $"refused by the VPC ({Text("explanationCode")})",
                "internet-withheld" => $"the VPC sends it to the internet; LocalVpc does so only with --internet allow",
                "no-answer" => Text("detail"),
                _ => Text("detail"),
            };
            Console.WriteLine($"LIVE: {how}");
            if (exitCode == Disagreement) Console.WriteLine("The analyzer and the live connection DISAGREE: please report this.");
        }
        return exitCode;
    }
}
