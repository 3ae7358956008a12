using System.Text.Json.Serialization;

namespace LocalVpc.Ec2Api.Model;

/// <summary>An operation's input and output shapes.</summary>
public sealed class ModelOperation
{
    [JsonPropertyName("input")] public string? Input { get; init; }
    [JsonPropertyName("output")] public string? Output { get; init; }

    /// <summary>The query protocol's result element (<c>CreateLoadBalancerResult</c>); the ec2 protocol has none.</summary>
    [JsonPropertyName("resultWrapper")] public string? ResultWrapper { get; init; }
}
