using System.Text.Json;

namespace LocalVpc.Storage;

/// <summary>The one JSON form of events in the log and in snapshots.</summary>
public static class EventJson
{
    /// <summary>Computed properties (get-only) are derived from stored ones, so they are not written.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        IgnoreReadOnlyProperties = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(IEnumerable<Event> events) => JsonSerializer.Serialize(events.ToArray(), Options);

    public static Event[] Deserialize(string json) =>
        JsonSerializer.Deserialize<Event[]>(json, Options) ?? throw new InvalidDataException("Empty event record");
}
