using System.Text.Json.Serialization;

namespace LocalVpc.Ec2Api.Model;

/// <summary>An operation's input and output shapes.</summary>
public sealed class ModelOperation
{
    [JsonPropertyName("input")] public string? Input { get; init; }
    [JsonPropertyName("output")] public string? Output { get; init; }
}
