using System.Net.Http.Json;

namespace LocalVpc.Status;

/// <summary>Asks a running LocalVpc for its <see cref="StatusReport"/>.</summary>
internal static class StatusClient
{
    /// <summary>The report, or null after saying on stderr why there is none.</summary>
    public static async Task<StatusReport?> GetAsync(string endpointUrl, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await http.SendAsync(LocalCaller.SignedGet($"{endpointUrl.TrimEnd('/')}/_localvpc/status"), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"LocalVpc at {endpointUrl} refused the status: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                return null;
            }
            return await response.Content.ReadFromJsonAsync<StatusReport>(StatusJson.Options, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"LocalVpc is not answering at {endpointUrl}: {e.Message}");
            return null;
        }
    }
}
