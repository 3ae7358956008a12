using System.Text.Json;
using LocalVpc.Status;

namespace LocalVpc;

/// <summary><c>localvpc status</c>: what runs where, as a tree for people or JSON for scripts.</summary>
internal static class StatusCommand
{
    public static async Task<int> RunAsync(string endpointUrl, bool json, CancellationToken cancellationToken)
    {
        var report = await StatusClient.GetAsync(endpointUrl, cancellationToken);
        if (report is null) return 2;
        if (json) Console.WriteLine(JsonSerializer.Serialize(report, StatusJson.Options));
        else StatusTree.Write(report);
        return 0;
    }
}
