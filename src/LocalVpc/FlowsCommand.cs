using System.Net.Http.Json;
using System.Text.Json;

namespace LocalVpc;

/// <summary>
/// <c>localvpc flows</c>: the flow log records LocalVpc delivered, as each flow log's format writes them, each REJECT with
/// the analyser's explanation code beside it; with <c>--follow</c>, new ones as they arrive.
/// </summary>
internal static class FlowsCommand
{
    /// <summary>How long one request of <c>--follow</c> waits for records before asking again.</summary>
    private const int FollowWaitSeconds = 20;

    public static async Task<int> RunAsync(string endpointUrl, string? vpc, string? eni, string? action, bool follow, CancellationToken cancellationToken)
    {
        if (action is not (null or "ACCEPT" or "REJECT"))
        {
            Console.Error.WriteLine($"--action takes ACCEPT or REJECT, not '{action}'");
            return 2;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(FollowWaitSeconds + 30) };
        var filter = string.Concat(new[] { ("vpc", vpc), ("eni", eni), ("action", action) }.Where(p => p.Item2 is not null)
            .Select(p => $"&{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        long after = 0;
        do
        {
            JsonElement page;
            try
            {
                using var response = await http.SendAsync(LocalCaller.SignedGet($"{endpointUrl.TrimEnd('/')}/_localvpc/flows?after={after}{filter}{(follow ? $"&wait={FollowWaitSeconds}" : "")}"), cancellationToken);
                page = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine(page.TryGetProperty("error", out var error) ? error.GetString() : page.ToString());
                    return 2;
                }
            }
            catch (HttpRequestException e)
            {
                Console.Error.WriteLine($"LocalVpc is not answering at {endpointUrl}: {e.Message}");
                return 2;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return 0;
            }
            foreach (var record in page.GetProperty("records").EnumerateArray())
            {
                var explanation = record.GetProperty("explanation").GetString();
                Console.WriteLine($"{record.GetProperty("flowLogId").GetString()}  {record.GetProperty("line").GetString()}" +
                                  (explanation is null ? "" : $"  ({explanation})"));
            }
            after = page.GetProperty("last").GetInt64();
        } while (follow);
        return 0;
    }
}
