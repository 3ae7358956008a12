using System.Text.Json.Serialization;

namespace LocalVpc.Ec2Api.Model;

/// <summary>A shape of botocore's EC2 model, as tools/gen-ec2-model.py keeps it (names and types, no documentation).</summary>
public sealed class ModelShape
{
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("members")] public Dictionary<string, ModelMember> Members { get; init; } = [];
    [JsonPropertyName("required")] public string[] Required { get; init; } = [];
    [JsonPropertyName("member")] public ModelMember? Member { get; init; }
    [JsonPropertyName("enum")] public string[]? Enum { get; init; }
    [JsonPropertyName("min")] public double? Min { get; init; }
    [JsonPropertyName("max")] public double? Max { get; init; }
    [JsonPropertyName("flattened")] public bool Flattened { get; init; }
}
