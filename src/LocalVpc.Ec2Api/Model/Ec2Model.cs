using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalVpc.Ec2Api.Model;

/// <summary>
/// botocore's EC2 model (operations and shapes), embedded from Model/ec2-model.json. The ground truth for
/// every parameter and element name on the wire.
/// </summary>
public sealed class Ec2Model
{
    [JsonPropertyName("botocore")] public string BotocoreVersion { get; init; } = "";
    [JsonPropertyName("apiVersion")] public string ApiVersion { get; init; } = "";
    [JsonPropertyName("operations")] public Dictionary<string, ModelOperation> Operations { get; init; } = [];
    [JsonPropertyName("shapes")] public Dictionary<string, ModelShape> Shapes { get; init; } = [];

    /// <summary>The model, loaded once.</summary>
    public static Ec2Model Instance { get; } = Load();

    public ModelShape Shape(string name) => Shapes[name];

    private static Ec2Model Load()
    {
        using var stream = typeof(Ec2Model).Assembly.GetManifestResourceStream("ec2-model.json")
            ?? throw new InvalidOperationException("ec2-model.json is not embedded");
        return JsonSerializer.Deserialize<Ec2Model>(stream) ?? throw new InvalidDataException("ec2-model.json");
    }
}
