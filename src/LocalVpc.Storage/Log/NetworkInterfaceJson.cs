using System.Text.Json;
using LocalVpc.Core.Resources;
using LocalVpc.Core.State;

namespace LocalVpc.Storage;

/// <summary>
/// Reads a network interface's <c>put</c> event exactly as <see cref="EventJson"/> writes it, field by field: a large
/// region is mostly interfaces (every endpoint, instance and load balancer has them), and through System.Text.Json's
/// general path for records (constructor arguments gathered in an array, boxed, then invoked) they were most of a
/// restart's time. Anything else (another event, a field it does not know, a value of another shape) is left
/// to System.Text.Json, so what this reads is always what that would read; tests hold the two to the same result.
/// Repeated values (VPC, subnet, zone, owner, type, groups) are shared (<see cref="SharedStrings"/>).
/// </summary>
internal static class NetworkInterfaceJson
{
    /// <summary>The interface's <c>$type</c> in the log, as UTF-8.</summary>
    private static readonly byte[] Discriminator = System.Text.Encoding.UTF8.GetBytes(ResourceKinds.NetworkInterface.Discriminator);

    /// <summary>
    /// The event at <paramref name="reader"/> (on its start) if it is an interface's <c>put</c> in the shape LocalVpc
    /// writes, the reader then on the event's end; otherwise null, and the reader anywhere inside it (read from a copy).
    /// </summary>
    public static ResourcePut? TryReadPut(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject || !Next(ref reader, "$event"u8) || !Next(ref reader, JsonTokenType.String, "put"u8) ||
            !Next(ref reader, "Resource"u8) || !reader.Read() || reader.TokenType != JsonTokenType.StartObject ||
            !Next(ref reader, "$type"u8) || !Next(ref reader, JsonTokenType.String, Discriminator))
            return null;
        // What System.Text.Json gives a constructor argument that is not in the JSON: its default.
        string? id = null, subnetId = null, vpcId = null, zone = null, zoneId = null, ownerId = null, description = null, interfaceType = null, publicIp = null;
        ImmutableArray<string> privateIps = default, groupIds = default, ipv6 = default;
        bool requesterManaged = false, sourceDestCheck = false, primaryIpv6 = false;
        NetworkInterfaceAttachment? attachment = null, detached = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            if (reader.ValueIsEscaped || !reader.Read()) return null;
            var known = name switch
            {
                _ when name.SequenceEqual("Id"u8) => String(ref reader, false, out id),
                _ when name.SequenceEqual("SubnetId"u8) => String(ref reader, true, out subnetId),
                _ when name.SequenceEqual("VpcId"u8) => String(ref reader, true, out vpcId),
                _ when name.SequenceEqual("AvailabilityZone"u8) => String(ref reader, true, out zone),
                _ when name.SequenceEqual("AvailabilityZoneId"u8) => String(ref reader, true, out zoneId),
                _ when name.SequenceEqual("OwnerId"u8) => String(ref reader, true, out ownerId),
                _ when name.SequenceEqual("Description"u8) => String(ref reader, true, out description),
                _ when name.SequenceEqual("InterfaceType"u8) => String(ref reader, true, out interfaceType),
                _ when name.SequenceEqual("PublicIp"u8) => String(ref reader, false, out publicIp),
                _ when name.SequenceEqual("PrivateIpAddresses"u8) => Strings(ref reader, false, out privateIps),
                _ when name.SequenceEqual("GroupIds"u8) => Strings(ref reader, true, out groupIds),
                _ when name.SequenceEqual("Ipv6Addresses"u8) => Strings(ref reader, false, out ipv6),
                _ when name.SequenceEqual("RequesterManaged"u8) => Boolean(ref reader, out requesterManaged),
                _ when name.SequenceEqual("SourceDestCheck"u8) => Boolean(ref reader, out sourceDestCheck),
                _ when name.SequenceEqual("PrimaryIpv6"u8) => Boolean(ref reader, out primaryIpv6),
                _ when name.SequenceEqual("Attachment"u8) => Attachment(ref reader, options, out attachment),
                _ when name.SequenceEqual("DetachedAttachment"u8) => Attachment(ref reader, options, out detached),
                _ => false,
            };
            if (!known) return null;
        }
        if (reader.TokenType != JsonTokenType.EndObject || !reader.Read() || reader.TokenType != JsonTokenType.EndObject) return null;
        return new ResourcePut(new NetworkInterface(id!, subnetId!, vpcId!, zone!, zoneId!, ownerId!, description!, privateIps, groupIds,
            interfaceType!, requesterManaged, sourceDestCheck, attachment, publicIp, detached, ipv6, primaryIpv6));
    }

    /// <summary>Reads the next token: true if it is the property <paramref name="name"/>.</summary>
    private static bool Next(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) => Next(ref reader, JsonTokenType.PropertyName, name);

    private static bool Next(ref Utf8JsonReader reader, JsonTokenType type, ReadOnlySpan<byte> text) =>
        reader.Read() && reader.TokenType == type && reader.ValueTextEquals(text);

    private static bool String(ref Utf8JsonReader reader, bool repeated, out string? value)
    {
        value = reader.TokenType switch
        {
            JsonTokenType.String => repeated ? SharedStrings.Read(ref reader) : reader.GetString(),
            _ => null,
        };
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    private static bool Strings(ref Utf8JsonReader reader, bool repeated, out ImmutableArray<string> values)
    {
        values = default;
        if (reader.TokenType != JsonTokenType.StartArray) return false;
        var builder = ImmutableArray.CreateBuilder<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
            builder.Add(repeated ? SharedStrings.Read(ref reader) : reader.GetString()!);
        if (reader.TokenType != JsonTokenType.EndArray) return false;
        values = builder.Count == 0 ? [] : builder.DrainToImmutable();
        return true;
    }

    private static bool Boolean(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    private static bool Attachment(ref Utf8JsonReader reader, JsonSerializerOptions options, out NetworkInterfaceAttachment? value)
    {
        value = null;
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null)) return false;
        value = JsonSerializer.Deserialize<NetworkInterfaceAttachment>(ref reader, options);
        return true;
    }
}
