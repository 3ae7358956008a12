using LocalVpc.Analysis;
using LocalVpc.Core;
using LocalVpc.Core.Resources;
using LocalVpc.Network;
using LocalVpc.Storage;
using Microsoft.AspNetCore.Http;

namespace LocalVpc;

/// <summary>
/// <c>GET /_localvpc/probe?from=i-…&amp;to=NAME:PORT&amp;protocol=tcp&amp;account=…&amp;region=…[&amp;live=true&amp;timeout=SECONDS][&amp;ipv6=true]</c>:
/// the reachability verdict for one flow on the live state, as JSON (what <c>localvpc probe</c> prints). With
/// <c>live</c>, also a real TCP connection through the instance's proxy, and whether the two agree.
/// </summary>
internal static class ProbeEndpoint
{
    /// <summary>How long a live attempt waits for a dropped connection. Defaults to 3 s.</summary>
    private const double DefaultLiveTimeout = 3;

    public static async Task<IResult> HandleAsync(HttpRequest request, CommandPipeline pipeline, DataPlane plane, string defaultAccount, CancellationToken aborted)
    {
        string? Param(string name) => request.Query.TryGetValue(name, out var v) ? v.ToString() : null;
        var from = Param("from");
        var to = Param("to");
        if (from is null || to is null) return Results.Json(new { error = "from and to are required: ?from=i-…&to=NAME:PORT" }, statusCode: 400);
        var colon = to.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(to[(colon + 1)..], out var port) || port is < 0 or > 65535)
            return Results.Json(new { error = $"to must be NAME:PORT, not '{to}'" }, statusCode: 400);
        var protocol = (Param("protocol") ?? "tcp").ToLowerInvariant();
        if (protocol is not ("tcp" or "udp" or "icmp")) return Results.Json(new { error = $"protocol must be tcp, udp or icmp, not '{protocol}'" }, statusCode: 400);
        var scope = new Scope(Param("account") ?? defaultAccount, Param("region") ?? Scope.DefaultRegion);
        if (Core.Regions.RegionCatalog.Find(scope.Region) is null) return Results.Json(new { error = $"unknown region '{scope.Region}'" }, statusCode: 400);
        // A probe reads; it never brings an account into being (with a default VPC and a resolver) for whatever name it is given.
        if (scope.Account.Length != 12 || !scope.Account.All(char.IsAsciiDigit))
            return Results.Json(new { error = $"account must be 12 digits, not '{scope.Account}'" }, statusCode: 400);
        if (!pipeline.Published.Region(scope.Region).Account(scope.Account).Initialized)
            return Results.Json(new { error = $"account {scope.Account} has nothing in {scope.Region} yet: there is no {from} to probe from" }, statusCode: 404);

        var live = Param("live") is "true" or "1";
        var preferIpv6 = Param("ipv6") is "true" or "1";
        // An IPv6 literal comes in brackets ([2600:1f18::5]:443); the name is what is inside them.
        var host = to[..colon].Trim('[', ']');
        var timeout = double.TryParse(Param("timeout"), System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 300
            ? seconds : DefaultLiveTimeout;
        if (live && protocol != "tcp") return Results.Json(new { error = "a live probe makes a TCP connection: use protocol tcp" }, statusCode: 400);

        // The same snapshot, policy and forwarded name answer the proxies use, so the probe judges as they do.
        var region = await pipeline.ReadRegionAsync(scope);
        var state = region.Account(scope.Account);
        var policy = await plane.Policies.ForAsync(state, from, host, aborted);
        var verdict = ReachabilityAnalyzer.Analyze(region, scope.Account, new Flow(from, host, protocol, port, preferIpv6), policy);
        object? liveResult = null;
        if (live)
        {
            await plane.ReconciledAsync();
            var instanceId = state.Instances.ContainsKey(from) ? from
                : state.NetworkInterfaces.TryGetValue(from, out var eni) ? eni.Attachment?.InstanceId : null;
            var proxy = instanceId is null ? null : plane.ProxyOf(scope, instanceId);
            if (proxy is null)
                liveResult = new { outcome = "no-proxy", carried = false, agrees = !verdict.Reachable, detail = $"{from} is not a running instance: only running instances have proxies" };
            else
            {
                // A client that prefers IPv6 resolves the name itself and connects to the AAAA address; the proxy would pick the A record.
                var target = preferIpv6 && verdict.DestinationAddress is { } resolved && resolved.Contains(':') ? resolved : host;
                var attempt = await LiveProbe.ConnectAsync(proxy, target, port, TimeSpan.FromSeconds(timeout), aborted);
                liveResult = new
                {
                    outcome = attempt.Outcome,
                    carried = attempt.Carried,
                    agrees = attempt.Carried == verdict.Reachable,
                    milliseconds = Math.Round(attempt.Milliseconds, 3),
                    proxy = proxy.ToString(),
                    explanationCode = attempt.ExplanationCode,
                    detail = attempt.Detail,
                };
            }
        }
        return Results.Json(new
        {
            reachable = verdict.Reachable,
            from,
            to = host,
            destinationAddress = verdict.DestinationAddress,
            protocol,
            port,
            explanationCode = verdict.ExplanationCode,
            fix = verdict.Fix,
            hops = verdict.Hops.Select(h => new { component = h.Component.ToWire(), resourceId = h.ResourceId, passed = h.Passed, detail = h.Detail, explanationCode = h.ExplanationCode }),
            live = liveResult,
        });
    }
}
