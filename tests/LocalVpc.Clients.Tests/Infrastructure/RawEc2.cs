using System.Net;
using System.Xml.Linq;

namespace LocalVpc.Clients.Tests.Infrastructure;

/// <summary>Plain HTTP to the EC2 endpoint, for what SDKs never send: malformed requests, raw XML.</summary>
public static class RawEc2
{
    public static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public sealed record Reply(HttpStatusCode Status, string Body)
    {
        public XDocument Xml => XDocument.Parse(Body);

        /// <summary>The error code of an EC2 error document.</summary>
        public string? ErrorCode => Xml.Root?.Element("Errors")?.Element("Error")?.Element("Code")?.Value;
    }

    /// <summary>POSTs form parameters, signed-looking: the credential scope names the account.</summary>
    public static Task<Reply> PostAsync(LocalVpcServer server, string account, params (string Key, string Value)[] form) =>
        SendAsync(server, account, new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, p.Value))));

    public static async Task<Reply> SendAsync(LocalVpcServer server, string account, HttpContent content, string path = "/")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Url + path) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={account}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00");
        using var response = await Http.SendAsync(request);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
