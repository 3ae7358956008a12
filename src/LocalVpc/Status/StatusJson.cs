using System.Text.Json;

namespace LocalVpc.Status;

/// <summary>The JSON form of <see cref="StatusReport"/>: camelCase fields, the same for the server and the CLI.</summary>
internal static class StatusJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
