using System.Buffers;
using System.Text;
using System.Text.Json;
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

    // Written and read in one pass each (no JSON tree in between): a snapshot of a large account holds 100,000 resources,
    // and a restart reads it before the API answers.
    public static string Serialize(IEnumerable<Event> events)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WritePropertyName("events");
            JsonSerializer.Serialize(writer, events.ToArray(), Options);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static Event[] Deserialize(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array) return root.Deserialize<Event[]>(Options) ?? [];
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var field) || !field.TryGetInt32(out var version))
            throw new InvalidDataException("An event record without a version");
        if (version > Version)
            throw new InvalidDataException($"An event record of version {version}: it was written by a newer LocalVpc (this one reads up to {Version})");
        return root.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array
            ? events.Deserialize<Event[]>(Options) ?? []
            : throw new InvalidDataException("An event record without events");
    }
}
