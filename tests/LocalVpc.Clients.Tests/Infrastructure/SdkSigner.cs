using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Internal.Util;
using Amazon.Util;

namespace LocalVpc.Clients.Tests.Infrastructure;

/// <summary>
/// A Query request signed by the AWS SDK for .NET's own <see cref="AWS4Signer"/>, at a time of the test's choosing, as
/// headers and body a test can send as they are or tamper with.
/// </summary>
public sealed record SdkSignedRequest(Dictionary<string, string> Headers, string Body)
{
    public static SdkSignedRequest Sign(string url, IReadOnlyDictionary<string, string> parameters, string accessKeyId, string secret,
        DateTime signedAt, string region = "us-east-1")
    {
        var request = new DefaultRequest(new DescribeVpcsRequest(), "AmazonEC2") { HttpMethod = "POST", Endpoint = new Uri(url), ResourcePath = "/" };
        foreach (var (name, value) in parameters) request.Parameters[name] = value;
        request.Headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
        var config = new AmazonEC2Config { ServiceURL = url, AuthenticationRegion = region, AuthenticationServiceName = "ec2" };
        var signature = new AWS4Signer().SignRequest(request, config, new RequestMetrics(), accessKeyId, secret, signedAt);
        request.Headers["Authorization"] = signature.ForAuthorizationHeader;
        return new SdkSignedRequest(new Dictionary<string, string>(request.Headers), Encoding.UTF8.GetString(AWSSDKUtils.GetRequestPayloadBytes(request)));
    }

    /// <summary>Sends the request as signed, or with what a test changed; the status and the body of the answer.</summary>
    public async Task<(int Status, string Body)> SendAsync(string url)
    {
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(Body, Encoding.UTF8) };
        message.Content.Headers.Remove("Content-Type");
        foreach (var (name, value) in Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) message.Content.Headers.TryAddWithoutValidation(name, value);
            else if (name.Equals("Host", StringComparison.OrdinalIgnoreCase)) message.Headers.Host = value;
            else if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) message.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await http.SendAsync(message);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
