using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalVpc.Ec2Api.Model;

/// <summary>
/// A botocore service model (operations and shapes), embedded from Model/*-model.json: the ground truth for
/// every parameter and element name on the wire. EC2 speaks the ec2 protocol, Elastic Load Balancing v2 the
/// query protocol.
/// </summary>
public sealed class ServiceModel
{
    [JsonPropertyName("botocore")] public string BotocoreVersion { get; init; } = "";
    [JsonPropertyName("apiVersion")] public string ApiVersion { get; init; } = "";
    [JsonPropertyName("protocol")] public string Protocol { get; init; } = "";
    [JsonPropertyName("xmlNamespace")] public string XmlNamespace { get; init; } = "";
    [JsonPropertyName("operations")] public Dictionary<string, ModelOperation> Operations { get; init; } = [];
    [JsonPropertyName("shapes")] public Dictionary<string, ModelShape> Shapes { get; init; } = [];

    /// <summary>EC2, API version 2016-11-15, loaded once.</summary>
    public static ServiceModel Ec2 { get; } = Load("ec2-model.json");

    /// <summary>Elastic Load Balancing v2, API version 2015-12-01, loaded once.</summary>
    public static ServiceModel Elbv2 { get; } = Load("elbv2-model.json");

    /// <summary>Security Token Service, API version 2011-06-15, loaded once.</summary>
    public static ServiceModel Sts { get; } = Load("sts-model.json");

    /// <summary>The ec2 protocol flattens lists and upper-cases locationNames; the query protocol does neither.</summary>
    public bool IsEc2Protocol => Protocol == "ec2";

    public ModelShape Shape(string name) => Shapes[name];

    private static ServiceModel Load(string resource)
    {
        using var stream = typeof(ServiceModel).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded");
        return JsonSerializer.Deserialize<ServiceModel>(stream) ?? throw new InvalidDataException(resource);
    }
}
