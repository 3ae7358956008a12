using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalVpc.Core.Catalog;

/// <summary>One instance type as DescribeInstanceTypes tells it: sizes from AWS's instance type pages, kept as data.</summary>
/// <param name="Credits">The CPU credit option a burstable type launches with (<c>standard</c> for T2, <c>unlimited</c> for T3 and T4g).</param>
public sealed record InstanceTypeInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("vcpus")] int VCpus,
    [property: JsonPropertyName("cores")] int Cores,
    [property: JsonPropertyName("threadsPerCore")] int ThreadsPerCore,
    [property: JsonPropertyName("memoryMiB")] int MemoryMiB,
    [property: JsonPropertyName("architectures")] ImmutableArray<string> Architectures,
    [property: JsonPropertyName("burstable")] bool Burstable,
    [property: JsonPropertyName("credits")] string? Credits,
    [property: JsonPropertyName("freeTier")] bool FreeTier,
    [property: JsonPropertyName("network")] string NetworkPerformance,
    [property: JsonPropertyName("maxInterfaces")] int MaxInterfaces,
    [property: JsonPropertyName("ipv4PerInterface")] int Ipv4PerInterface,
    [property: JsonPropertyName("ipv6PerInterface")] int Ipv6PerInterface,
    [property: JsonPropertyName("hypervisor")] string Hypervisor,
    [property: JsonPropertyName("nitro")] bool Nitro,
    [property: JsonPropertyName("previousGeneration")] bool PreviousGeneration = false);

/// <summary>The instance types LocalVpc knows (<c>instance-types.json</c>): a small, common set, the same in every region.</summary>
public static class InstanceTypeCatalog
{
    /// <summary>Every known type, by name.</summary>
    public static ImmutableSortedDictionary<string, InstanceTypeInfo> All { get; } = Load();

    public static InstanceTypeInfo? Find(string name) => All.GetValueOrDefault(name);

    private static ImmutableSortedDictionary<string, InstanceTypeInfo> Load()
    {
        using var stream = typeof(InstanceTypeCatalog).Assembly.GetManifestResourceStream("instance-types.json")
            ?? throw new InvalidOperationException("instance-types.json is not embedded");
        var types = JsonSerializer.Deserialize<InstanceTypeInfo[]>(stream) ?? throw new InvalidDataException("instance-types.json");
        return types.ToImmutableSortedDictionary(t => t.Name, t => t, StringComparer.Ordinal);
    }
}
