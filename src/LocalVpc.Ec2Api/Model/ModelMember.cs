using System.Text.Json.Serialization;

namespace LocalVpc.Ec2Api.Model;

/// <summary>A structure member or list member of the EC2 model.</summary>
public sealed class ModelMember
{
    [JsonPropertyName("shape")] public string Shape { get; init; } = "";
    [JsonPropertyName("locationName")] public string? LocationName { get; init; }
    [JsonPropertyName("queryName")] public string? QueryName { get; init; }

    /// <summary>
    /// The request parameter name under the ec2 protocol: queryName, else locationName with its first
    /// letter upper-cased, else the member name (botocore serialize.py, EC2Serializer._get_serialized_name).
    /// </summary>
    public string WireName(string memberName) =>
        QueryName ?? (LocationName is { Length: > 0 } l ? char.ToUpperInvariant(l[0]) + l[1..] : memberName);

    /// <summary>The request parameter name under the query protocol: locationName, else the member name (botocore QuerySerializer).</summary>
    public string QueryWireName(string memberName) => LocationName ?? memberName;

    /// <summary>The XML element name in responses: locationName, else the member name.</summary>
    public string ElementName(string memberName) => LocationName ?? memberName;
}
