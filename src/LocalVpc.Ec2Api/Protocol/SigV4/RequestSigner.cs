using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace LocalVpc.Ec2Api.Protocol.SigV4;

/// <summary>
/// Signs LocalVpc's own GETs (<c>localvpc status</c>, <c>probe</c>, <c>exec</c>) with the caller's AWS credentials, so a
/// <c>--auth sigv4</c> server knows whose account to show. The canonical request is the SDK's, as the verifier's is.
/// </summary>
public static class RequestSigner
{
    /// <summary>The credentials of the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), or null when unset.</summary>
    public static (string AccessKeyId, string Secret)? FromEnvironment() =>
        (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY")) is ({ Length: > 0 } id, { Length: > 0 } secret)
            ? (id, secret) : null;

    /// <summary>Adds <c>X-Amz-Date</c> and a SigV4 <c>Authorization</c> for the service <c>ec2</c> to a bodiless request.</summary>
    public static void Sign(HttpRequestMessage message, string accessKeyId, string secret, string region, DateTimeOffset now)
    {
        var uri = message.RequestUri!;
        var date = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = uri.Authority, ["x-amz-date"] = date };
        var query = QueryHelpers.ParseQuery(uri.Query).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? "")));
        var canonical = SdkCanonicalRequest.Build(message.Method.Method, uri.AbsolutePath, query, headers,
            Convert.ToHexStringLower(SHA256.HashData(ReadOnlySpan<byte>.Empty)));
        var signature = SdkCanonicalRequest.Sign(accessKeyId, secret, region, "ec2", now.UtcDateTime, "host;x-amz-date", canonical);
        message.Headers.TryAddWithoutValidation("X-Amz-Date", date);
        message.Headers.TryAddWithoutValidation("Authorization",
            $"{CredentialScope.Algorithm} Credential={accessKeyId}/{date[..8]}/{region}/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}");
    }
}
