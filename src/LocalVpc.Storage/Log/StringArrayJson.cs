using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalVpc.Storage;

/// <summary>
/// A resource's lists of ids and names, written from the array itself: the generic converter walks an
/// <see cref="ImmutableArray{T}"/> through <see cref="IEnumerable{T}"/>, a boxed enumerator for every list, the largest
/// share of what a snapshot allocated. Read as the generic converter reads them.
/// </summary>
internal sealed class StringArrayJson : JsonConverter<ImmutableArray<string>>
{
    public override ImmutableArray<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"A list of strings is not an array but {reader.TokenType}");
        var items = ImmutableArray.CreateBuilder<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(reader.GetString()!);
        return items.DrainToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableArray<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        if (!value.IsDefault)
            foreach (var item in value) writer.WriteStringValue(item);
        writer.WriteEndArray();
    }
}
