using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalVpc.Core.Cidr;

/// <summary>Stores a block as its text (<c>"10.0.1.0/24"</c>), so the log and snapshots stay readable.</summary>
public sealed class Ipv4CidrJsonConverter : JsonConverter<Ipv4Cidr>
{
    public override Ipv4Cidr Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Ipv4Cidr.TryParse(reader.GetString(), out var cidr) ? cidr : throw new JsonException($"Not a CIDR block: {reader.GetString()}");

    public override void Write(Utf8JsonWriter writer, Ipv4Cidr value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
