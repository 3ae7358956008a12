using System.Net;
using Microsoft.AspNetCore.Http;

namespace LocalVpc.Ec2Api.Protocol;

/// <summary>
/// What keeps a web page in the user's browser from driving LocalVpc. AWS clients (SDKs, the CLI, Terraform) send neither
/// an <c>Origin</c> nor <c>Sec-Fetch-*</c> headers and name the server by address; a page does one or the other:
/// <list type="bullet">
/// <item>DNS rebinding reaches 127.0.0.1 under the page's own name, so a Host must be an IP address, <c>localhost</c>, or a
/// name the user allowed (<c>--allow-host</c>);</item>
/// <item>a cross-site form or fetch carries the page's <c>Origin</c> (or <c>Sec-Fetch-Site: cross-site</c>), which must be
/// this server's own.</item>
/// </list>
/// </summary>
public static class BrowserGuard
{
    /// <summary>Why the request is refused, or null when it may be served.</summary>
    public static string? Refusal(HttpRequest request, IReadOnlyCollection<string> allowedHosts)
    {
        var host = request.Host.Host;
        if (host.Length > 0 && !IsTrusted(host, allowedHosts))
            return $"The Host '{host}' is not this LocalVpc's: it answers to IP addresses, localhost and names given with --allow-host " +
                   "(a web page that renamed 127.0.0.1 must not reach it).";
        if (request.Headers.Origin.ToString() is { Length: > 0 } origin &&
            !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)))
            return $"Requests from the web page at {origin} are refused: LocalVpc serves AWS clients, not other sites' pages.";
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
            return "Requests a browser sends on another site's behalf are refused: LocalVpc serves AWS clients, not other sites' pages.";
        return null;
    }

    private static bool IsTrusted(string host, IReadOnlyCollection<string> allowedHosts) =>
        IPAddress.TryParse(host.Trim('[', ']'), out _) ||
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ||
        allowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase);
}
