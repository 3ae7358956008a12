using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalVpc.Core.Cidr;

/// <summary>Stores a block as its text (<c>"2600:1f18:0:100::/56"</c>), so the log and snapshots stay readable.</summary>
public sealed class Ipv6CidrJsonConverter : JsonConverter<Ipv6Cidr>
{
    public override Ipv6Cidr Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Ipv6Cidr.TryParse(reader.GetString(), out var cidr) ? cidr : throw new JsonException($"Not a CIDR block: {reader.GetString()}");

    public override void Write(Utf8JsonWriter writer, Ipv6Cidr value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
