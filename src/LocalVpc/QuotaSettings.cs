using System.Text.Json;
using LocalVpc.Core.Quotas;

namespace LocalVpc;

/// <summary>
/// The service quotas <c>localvpc up</c> enforces: AWS's defaults, then the config file's <c>"quotas": {"vpcs-per-region": 20}</c>,
/// then each <c>--quota NAME=N</c>.
/// </summary>
internal static class QuotaSettings
{
    public static (ServiceQuotas? Quotas, string? Error) Read(string? configPath, IEnumerable<string> settings)
    {
        var fromConfig = new List<string>();
        if (configPath is not null)
        {
            try
            {
                using var config = JsonDocument.Parse(File.ReadAllText(configPath));
                if (config.RootElement.ValueKind == JsonValueKind.Object && config.RootElement.TryGetProperty("quotas", out var quotas))
                {
                    if (quotas.ValueKind != JsonValueKind.Object) return (null, $"--config {configPath}: \"quotas\" maps quota names to numbers");
                    fromConfig.AddRange(quotas.EnumerateObject().Select(q => $"{q.Name}={q.Value}"));
                }
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
            {
                return (null, $"--config {configPath}: {e.Message}");
            }
        }
        return ServiceQuotas.Parse(fromConfig.Concat(settings));
    }
}
