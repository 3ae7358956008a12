using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LocalVpc.Core.Resources;

namespace LocalVpc.Storage;

/// <summary>
/// The one JSON form of events in the log and in snapshots. Each record is versioned, <c>{"version":1,"events":[…]}</c>,
/// so a later LocalVpc can read what an earlier one wrote. Version 0 is the bare array that logs held before records
/// had a version; its events have the same shape as version 1's (a golden file in the tests holds such a log).
/// </summary>
public static class EventJson
{
    /// <summary>The version this LocalVpc writes.</summary>
    public const int Version = 1;

    /// <summary>Computed properties (get-only) are derived from stored ones, so they are not written.</summary>
    /// <remarks>A resource's <c>$type</c> is its kind's discriminator (<see cref="ResourceKinds"/>).</remarks>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        IgnoreReadOnlyProperties = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithResourceKinds } },
    };

    private static void WithResourceKinds(JsonTypeInfo info)
    {
        if (info.Type != typeof(Resource)) return;
        info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "$type" };
        foreach (var kind in ResourceKinds.All) info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(kind.Type, kind.Discriminator));
    }

    public static string Serialize(IEnumerable<Event> events) =>
        JsonSerializer.Serialize(new JsonObject
        {
            ["version"] = Version,
            ["events"] = JsonSerializer.SerializeToNode(events.ToArray(), Options),
        }, Options);

    public static Event[] Deserialize(string json)
    {
        var node = JsonNode.Parse(json) ?? throw new InvalidDataException("Empty event record");
        if (node is JsonArray legacy) return legacy.Deserialize<Event[]>(Options) ?? [];
        var version = node["version"]?.GetValue<int>() ?? throw new InvalidDataException("An event record without a version");
        if (version > Version)
            throw new InvalidDataException($"An event record of version {version}: it was written by a newer LocalVpc (this one reads up to {Version})");
        return node["events"]?.Deserialize<Event[]>(Options) ?? throw new InvalidDataException("An event record without events");
    }
}
