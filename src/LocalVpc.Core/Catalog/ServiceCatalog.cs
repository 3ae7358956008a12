using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalVpc.Core.Catalog;

/// <summary>
/// The AWS services reachable through VPC endpoints, from Catalog/aws-services.json (data, not code), made
/// concrete per region. Ids AWS does not publish are derived from the names, so they are stable.
/// </summary>
public static class ServiceCatalog
{
    private sealed record Entry(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("policy")] bool Policy,
        [property: JsonPropertyName("baseDns")] string[]? BaseDns,
        [property: JsonPropertyName("privateDns")] string[]? PrivateDns,
        [property: JsonPropertyName("privateDnsOnlyWithGateway")] bool PrivateDnsOnlyWithGateway,
        [property: JsonPropertyName("prefixList")] bool PrefixList);

    private sealed record PrefixListData(
        [property: JsonPropertyName("us-east-1")] Dictionary<string, string> UsEast1,
        [property: JsonPropertyName("cidrs")] Dictionary<string, string[]> Cidrs);

    private sealed record File(
        [property: JsonPropertyName("services")] Entry[] Services,
        [property: JsonPropertyName("hostedZones")] Dictionary<string, string> HostedZones,
        [property: JsonPropertyName("prefixLists")] PrefixListData PrefixLists);

    private static readonly File Data = Load();
    private static readonly ConcurrentDictionary<string, ImmutableArray<EndpointService>> ByRegion = new();

    /// <summary>Every AWS service in the region, sorted by name then type.</summary>
    public static ImmutableArray<EndpointService> For(RegionInfo region) => ByRegion.GetOrAdd(region.Name, _ => Build(region));

    /// <summary>The service of that name and type, or null.</summary>
    public static EndpointService? Find(RegionInfo region, string serviceName, string type) =>
        For(region).FirstOrDefault(s => s.ServiceName == serviceName && s.Type == type);

    /// <summary>The AWS-managed prefix lists of the region.</summary>
    public static IEnumerable<PrefixList> PrefixLists(RegionInfo region) => For(region).Select(s => s.PrefixList).OfType<PrefixList>();

    /// <summary>The hosted zone that regional and zonal endpoint names live in.</summary>
    public static string EndpointHostedZoneId(string region) =>
        Data.HostedZones.TryGetValue(region, out var zone) ? zone : HostedZoneId($"vpce:{region}");

    /// <summary>A hosted zone id in AWS's shape (Z and 13 to 20 upper-case letters and digits), made from a seed.</summary>
    public static string HostedZoneId(string seed)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return "Z" + string.Concat(hash.Take(13).Select(b => alphabet[b % alphabet.Length]));
    }

    private static ImmutableArray<EndpointService> Build(RegionInfo region)
    {
        string Fill(string pattern) => pattern.Replace("{region}", region.Name);
        return [.. Data.Services.Select(e =>
        {
            var serviceName = $"com.amazonaws.{region.Name}.{e.Name}";
            var reversed = string.Join('.', e.Name.Split('.').Reverse());
            var baseDns = e.BaseDns?.Select(Fill).ToImmutableArray() ?? [$"{reversed}.{region.Name}.vpce.amazonaws.com"];
            var privateDns = e.Type != "Interface" ? [] : e.PrivateDns?.Select(Fill).ToImmutableArray() ?? [$"{reversed}.{region.Name}.amazonaws.com"];
            var prefixList = e.PrefixList
                ? new PrefixList(PrefixListId(region.Name, e.Name), serviceName, region.Name, [.. Data.PrefixLists.Cidrs[e.Name]])
                : null;
            return new EndpointService(serviceName, e.Name, e.Type, $"vpce-svc-{Hex($"{serviceName}/{e.Type}", 17)}", "amazon", baseDns,
                privateDns, e.Policy, AcceptanceRequired: false, region.Zones, e.PrivateDnsOnlyWithGateway, prefixList,
                // AWS's interface services take dual-stack endpoints (PrivateLink guide, "IP address types"); gateways are IPv4.
                SupportedIpAddressTypes: e.Type == "Interface" ? [EndpointService.Ipv4, EndpointService.Ipv6] : [EndpointService.Ipv4]);
        }).OrderBy(s => s.ServiceName, StringComparer.Ordinal).ThenBy(s => s.Type, StringComparer.Ordinal)];
    }

    private static string PrefixListId(string region, string service) =>
        region == "us-east-1" && Data.PrefixLists.UsEast1.TryGetValue(service, out var id) ? id : $"pl-{Hex($"{region}/{service}", 8)}";

    private static string Hex(string seed, int digits) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..digits];

    private static File Load()
    {
        using var stream = typeof(ServiceCatalog).Assembly.GetManifestResourceStream("aws-services.json")
            ?? throw new InvalidOperationException("aws-services.json is not embedded");
        return JsonSerializer.Deserialize<File>(stream) ?? throw new InvalidDataException("aws-services.json");
    }
}
