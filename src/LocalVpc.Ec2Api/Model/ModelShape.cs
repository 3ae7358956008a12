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

    private WireMember[]? _ec2Members;
    private WireMember[]? _queryMembers;

    /// <summary>
    /// The members in the model's order with their request parameter names under one protocol: worked out once per shape
    /// rather than for every request (the ec2 protocol's upper-cased names were two new strings a member).
    /// </summary>
    public WireMember[] WireMembers(bool ec2Protocol) => ec2Protocol
        ? _ec2Members ??= [.. Members.Select(m => new WireMember(m.Key, m.Value.WireName(m.Key), m.Value, Required.Contains(m.Key)))]
        : _queryMembers ??= [.. Members.Select(m => new WireMember(m.Key, m.Value.QueryWireName(m.Key), m.Value, Required.Contains(m.Key)))];
}

/// <summary>A structure's member as a request names it.</summary>
public sealed record WireMember(string Name, string Wire, ModelMember Member, bool Required);
