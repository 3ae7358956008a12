using System.Globalization;
using System.Security.Cryptography;

namespace LocalVpc.SigV4;

/// <summary>
/// Signs the requests LocalVpc makes as a client: its CLI's GETs to a <c>--auth sigv4</c> server (<c>localvpc status</c>,
/// <c>probe</c>, <c>exec</c>, <c>flows</c>), and flow log delivery to a CloudWatch Logs stand-in. The canonical request is
/// the SDK's, as the verifier's is.
/// </summary>
public static class RequestSigner
{
    /// <summary>The credentials of the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), or null when unset.</summary>
    public static (string AccessKeyId, string Secret)? FromEnvironment() =>
        (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY")) is ({ Length: > 0 } id, { Length: > 0 } secret)
            ? (id, secret) : null;

    /// <summary>
    /// Adds <c>X-Amz-Date</c> and a SigV4 <c>Authorization</c> for <paramref name="service"/>, signing the host, the date,
    /// the body's hash and every header already on the request (its content's headers included).
    /// </summary>
    public static void Sign(HttpRequestMessage message, byte[] body, string accessKeyId, string secret, string region, string service, DateTimeOffset now)
    {
        var uri = message.RequestUri!;
        var date = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        message.Headers.TryAddWithoutValidation("X-Amz-Date", date);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = uri.Authority };
        foreach (var (name, values) in message.Headers.Concat(message.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
            headers[name.ToLowerInvariant()] = string.Join(',', values);
        var parsed = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var query = parsed.AllKeys.SelectMany(k => (parsed.GetValues(k) ?? []).Select(v => KeyValuePair.Create(k ?? "", v)));
        var canonical = SdkCanonicalRequest.Build(message.Method.Method, uri.AbsolutePath, query, headers, Convert.ToHexStringLower(SHA256.HashData(body)));
        var signed = string.Join(';', headers.Keys);
        var signature = SdkCanonicalRequest.Sign(accessKeyId, secret, region, service, now.UtcDateTime, signed, canonical);
        message.Headers.TryAddWithoutValidation("Authorization",
            $"{SdkCanonicalRequest.AWS4AlgorithmTag} Credential={accessKeyId}/{date[..8]}/{region}/{service}/aws4_request, SignedHeaders={signed}, Signature={signature}");
    }
}
