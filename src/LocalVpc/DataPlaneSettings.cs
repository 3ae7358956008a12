using System.Collections.Immutable;
using System.Text.Json;
using LocalVpc.Network;
using LocalVpc.Network.Forwarding;

namespace LocalVpc;

/// <summary>
/// Reads the data plane's settings from <c>localvpc up</c>'s options and, beneath them, a JSON config file:
/// <c>{"services": {"kms": "http://127.0.0.1:5000"}, "internet": "deny", "deny": "drop", "offline": false, "splice": true}</c>.
/// </summary>
internal static class DataPlaneSettings
{
    /// <summary>The options, or the first thing wrong with them.</summary>
    public static (DataPlaneOptions? Options, string? Error) Read(string dataDirectory, string? configPath, IEnumerable<string> services,
        string? internet, string? deny, bool offline)
    {
        var upstreams = ImmutableDictionary.CreateBuilder<string, ServiceUpstream>();
        var splice = true;
        if (configPath is not null)
        {
            JsonElement config;
            try
            {
                config = JsonDocument.Parse(File.ReadAllText(configPath)).RootElement;
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
            {
                return (null, $"--config {configPath}: {e.Message}");
            }
            if (config.ValueKind != JsonValueKind.Object) return (null, $"--config {configPath}: expected a JSON object");
            if (config.TryGetProperty("services", out var table))
            {
                if (table.ValueKind != JsonValueKind.Object) return (null, $"--config {configPath}: \"services\" maps names to URLs");
                foreach (var entry in table.EnumerateObject())
                {
                    if (!ServiceUpstream.TryParse(entry.Name, entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString()! : "", out var upstream, out var error))
                        return (null, $"--config {configPath}: {error}");
                    upstreams[upstream!.Service] = upstream;
                }
            }
            internet ??= Text(config, "internet");
            deny ??= Text(config, "deny");
            offline |= config.TryGetProperty("offline", out var o) && o.ValueKind == JsonValueKind.True;
            splice = !(config.TryGetProperty("splice", out var sp) && sp.ValueKind == JsonValueKind.False);
        }
        foreach (var text in services)
        {
            if (!ServiceUpstream.TryParse(text, out var upstream, out var error)) return (null, error);
            upstreams[upstream!.Service] = upstream;
        }
        if (internet is not (null or "allow" or "deny")) return (null, $"--internet takes allow or deny, not '{internet}'");
        if (deny is not (null or "drop" or "reject")) return (null, $"--deny takes drop or reject, not '{deny}'");
        return (new DataPlaneOptions
        {
            DataDirectory = dataDirectory,
            InternetAllowed = internet == "allow",
            Deny = deny == "reject" ? DenyMode.Reject : DenyMode.Drop,
            Offline = offline,
            Splice = splice,
            Services = upstreams.ToImmutable(),
        }, null);
    }

    private static string? Text(JsonElement config, string name) =>
        config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
