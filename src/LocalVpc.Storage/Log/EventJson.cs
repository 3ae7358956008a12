using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
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
        Converters = { new StringArrayJson() },
    };

    private static void WithResourceKinds(JsonTypeInfo info)
    {
        if (info.Type != typeof(Resource)) return;
        info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "$type" };
        foreach (var kind in ResourceKinds.All) info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(kind.Type, kind.Discriminator));
    }

    /// <summary>A record as written: its version first, so a reader knows how to read what follows.</summary>
    private sealed record Record([property: JsonPropertyName("version")] int Version, [property: JsonPropertyName("events")] Event[] Events);

    // Written and read in one pass each (no JSON tree in between): a snapshot of a large account holds 100,000 resources,
    // and a restart reads it before the API answers.
    public static string Serialize(IEnumerable<Event> events) => JsonSerializer.Serialize(new Record(Version, [.. events]), Options);

    /// <summary>A record as UTF-8, as the log stores it: a string would be transcoded from UTF-8 and back again.</summary>
    public static byte[] SerializeToUtf8(IEnumerable<Event> events) => JsonSerializer.SerializeToUtf8Bytes(new Record(Version, [.. events]), Options);

    public static Event[] Deserialize(string json) => Deserialize(Encoding.UTF8.GetBytes(json));

    /// <summary>A record as the log stores it (UTF-8), read in one pass: its version, then its events.</summary>
    public static Event[] Deserialize(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartArray) return EventsAt(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject) throw new InvalidDataException("An event record without a version");
        int? version = null;
        var events = default(Utf8JsonReader);
        var eventsSeen = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("version"u8) && reader.TryGetInt32(out var number)) version = number;
            else if (name.SequenceEqual("events"u8) && reader.TokenType == JsonTokenType.StartArray)
            {
                // LocalVpc writes the version first; a record written otherwise keeps its events' place until the version is read.
                if (version is not null) return EventsOf(version.Value, ref reader);
                events = reader;
                eventsSeen = true;
            }
            reader.Skip();
        }
        if (version is null) throw new InvalidDataException("An event record without a version");
        return eventsSeen ? EventsOf(version.Value, ref events) : throw new InvalidDataException("An event record without events");
    }

    private static Event[] EventsOf(int version, ref Utf8JsonReader events) => version <= Version
        ? EventsAt(ref events)
        : throw new InvalidDataException($"An event record of version {version}: it was written by a newer LocalVpc (this one reads up to {Version})");

    /// <summary>The events of the array at <paramref name="events"/>, an interface's <c>put</c> read by <see cref="NetworkInterfaceJson"/>.</summary>
    private static Event[] EventsAt(ref Utf8JsonReader events)
    {
        if (events.TokenType == JsonTokenType.Null) return [];
        if (events.TokenType != JsonTokenType.StartArray) throw new JsonException($"The events are not an array but {events.TokenType}");
        var read = new List<Event>();
        while (events.Read() && events.TokenType != JsonTokenType.EndArray)
        {
            var fast = events;
            if (NetworkInterfaceJson.TryReadPut(ref fast, Options) is { } put)
            {
                read.Add(put);
                events = fast;
            }
            else read.Add(JsonSerializer.Deserialize<Event>(ref events, Options) ?? throw new JsonException("A null event"));
        }
        return [.. read];
    }
}
