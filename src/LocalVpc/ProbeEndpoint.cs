using LocalVpc.Analysis;
using LocalVpc.Core;
using LocalVpc.Storage;
using Microsoft.AspNetCore.Http;

namespace LocalVpc;

/// <summary>
/// <c>GET /_localvpc/probe?from=i-…&amp;to=NAME:PORT&amp;protocol=tcp&amp;account=…&amp;region=…</c>: the reachability
/// verdict for one flow on the live state, as JSON (what <c>localvpc probe</c> prints).
/// </summary>
internal static class ProbeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, Ledger ledger, string defaultAccount)
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

        var state = await ledger.ReadAsync(scope);
        var region = ledger.Regions.Where(r => r.Scope.Region == scope.Region).ToList();
        var verdict = ReachabilityAnalyzer.Analyze(state, region, new Flow(from, to[..colon], protocol, port));
        return Results.Json(new
        {
            reachable = verdict.Reachable,
            from,
            to = to[..colon],
            destinationAddress = verdict.DestinationAddress,
            protocol,
            port,
            explanationCode = verdict.ExplanationCode,
            fix = verdict.Fix,
            hops = verdict.Hops.Select(h => new { component = h.Component, resourceId = h.ResourceId, passed = h.Passed, detail = h.Detail, explanationCode = h.ExplanationCode }),
        });
    }
}
