using System.Net.Http.Headers;
using System.Xml.Linq;

namespace LocalVpc.Demo;

/// <summary>
/// EC2 and ELBv2 Query calls to a LocalVpc as one account, the way the aws CLI sends them: form POSTs whose credential
/// scope names the account. Errors come back as AWS's code and message.
/// </summary>
internal sealed class QueryClient(HttpClient http, string endpointUrl, string account)
{
    public string Account { get; } = account;

    public Task<XElement> Ec2Async(string action, params (string Key, string Value)[] parameters) =>
        CallAsync("ec2", "2016-11-15", action, parameters);

    public Task<XElement> ElbAsync(string action, params (string Key, string Value)[] parameters) =>
        CallAsync("elasticloadbalancing", "2015-12-01", action, parameters);

    private async Task<XElement> CallAsync(string service, string version, string action, (string Key, string Value)[] parameters)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpointUrl)
        {
            Content = new FormUrlEncodedContent([new("Action", action), new("Version", version), .. parameters.Select(p => KeyValuePair.Create(p.Key, p.Value))]),
        };
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={Account}/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=00");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/xml"));
        using var response = await http.SendAsync(request);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        if (!response.IsSuccessStatusCode)
        {
            var error = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            throw new InvalidOperationException($"{action}: {Value(error, "Code")}: {Value(error, "Message")}");
        }
        return document.Root!;
    }

    /// <summary>The text of the first descendant element with this local name.</summary>
    public static string Value(XElement? element, string name) =>
        element?.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? "";

    /// <summary>The texts of every descendant element with this local name.</summary>
    public static List<string> Values(XElement element, string name) =>
        [.. element.Descendants().Where(e => e.Name.LocalName == name).Select(e => e.Value)];
}
