using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LocalVpc.SigV4;

namespace LocalVpc.Ec2Api.Protocol.SigV4;

/// <summary>A request as its signature covers it: header names in lower case, repeated values joined by commas.</summary>
public sealed record SignedRequest(string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public string? QueryValue(string name) => Query.LastOrDefault(p => p.Key == name).Value;

    /// <summary>An ASP.NET request with the body read so far (none for a GET).</summary>
    public static SignedRequest From(Microsoft.AspNetCore.Http.HttpRequest request, byte[] body) =>
        new(request.Method, request.Path.HasValue ? request.Path.Value! : "/",
            [.. request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? "")))],
            request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal), body);
}

/// <summary>
/// Signature Version 4 as AWS checks it
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html): an Authorization header or a presigned query,
/// a known access key, a credential scope dated the request's day, a date within 15 minutes of now (a presigned query:
/// before it expires), <c>host</c> among the signed headers, and the signature of the canonical request, body hash
/// included, under the key's secret. The canonical request is the AWS SDK's (<see cref="SdkCanonicalRequest"/>).
/// </summary>
public static class SignatureVerifier
{
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);
    public const int MaxPresignedSeconds = 7 * 24 * 3600;
    private const string BasicFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The key that signed the request, or AWS's error for why the signature does not hold.</summary>
    public static (SigningKey? Key, AwsError? Error) Verify(SignedRequest request, SigningKeys keys, DateTimeOffset now)
    {
        var (parts, error) = request.Header("authorization") is { } authorization ? FromHeader(request, authorization)
            : request.QueryValue("X-Amz-Signature") is not null || request.QueryValue("X-Amz-Credential") is not null ? FromQuery(request)
            : (null, Ec2Errors.MissingAuthenticationToken());
        if (parts is null) return (null, error);

        if (CredentialScope.Parse(parts.Credential, null, null) is not { } scope)
            return (null, Ec2Errors.IncompleteSignature($"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/aws4_request, got '{parts.Credential}'."));
        if (keys.Find(scope.AccessKeyId) is not { } key) return (null, Ec2Errors.AuthFailure());
        if (!TryParseDate(parts.Date, out var signedAt))
            return (null, Ec2Errors.IncompleteSignature($"The date '{parts.Date}' is neither ISO 8601 basic (20250131T120000Z) nor an HTTP date."));
        var day = signedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (scope.Date != day)
            return (null, Ec2Errors.SignatureDoesNotMatch($"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scope.Date}' != '{day}', from '{parts.Date}'."));
        if (Expiry(signedAt, parts.ExpiresSeconds, now) is { } expired) return (null, expired);

        var signedHeaders = parts.SignedHeaders.Split(';');
        if (!signedHeaders.Contains("host"))
            return (null, Ec2Errors.IncompleteSignature("'Host' must be a 'SignedHeader' in the AWS Authorization."));
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in signedHeaders) headers[name] = request.Header(name) ?? "";
        // A presigned query signs every parameter but its own signature.
        var query = parts.ExpiresSeconds is null ? request.Query : [.. request.Query.Where(p => p.Key != "X-Amz-Signature")];
        var canonical = SdkCanonicalRequest.Build(request.Method, request.Path, query, headers,
            Convert.ToHexStringLower(SHA256.HashData(request.Body)));
        var expected = SdkCanonicalRequest.Sign(key.AccessKeyId, key.Secret, scope.Region, scope.Service, signedAt.UtcDateTime,
            parts.SignedHeaders, canonical);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts.Signature))
            ? (key, null)
            : (null, Ec2Errors.SignatureDoesNotMatch());
    }

    /// <summary>What the request says about its signature; ExpiresSeconds is set for a presigned query only.</summary>
    private sealed record SignatureParts(string Credential, string SignedHeaders, string Signature, string Date, int? ExpiresSeconds);

    private static (SignatureParts?, AwsError?) FromHeader(SignedRequest request, string authorization)
    {
        if (CredentialScope.Fields(authorization) is not { } fields)
            return (null, Ec2Errors.IncompleteSignature($"Only {CredentialScope.Algorithm} signatures are accepted."));
        if (CredentialScope.CheckHeader(authorization) is { } repeated) return (null, repeated);
        var named = fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var missing = new[] { "Credential", "SignedHeaders", "Signature" }.Where(n => !named.ContainsKey(n))
            .Select(n => $"Authorization header requires '{n}' parameter.").ToList();
        var date = request.Header("x-amz-date") ?? request.Header("date");
        if (date is null) missing.Add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        return missing.Count > 0
            ? (null, Ec2Errors.IncompleteSignature(string.Join(" ", missing)))
            : (new SignatureParts(named["Credential"], named["SignedHeaders"], named["Signature"], date!, null), null);
    }

    private static (SignatureParts?, AwsError?) FromQuery(SignedRequest request)
    {
        string[] required = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Signature"];
        var missing = required.Where(n => string.IsNullOrEmpty(request.QueryValue(n))).ToList();
        if (missing.Count > 0)
            return (null, Ec2Errors.IncompleteSignature($"AWS query-string parameters missing: {string.Join(", ", missing)}."));
        if (request.QueryValue("X-Amz-Algorithm") != CredentialScope.Algorithm)
            return (null, Ec2Errors.IncompleteSignature($"X-Amz-Algorithm only supports \"{CredentialScope.Algorithm}\"."));
        var expires = request.QueryValue("X-Amz-Expires") ?? MaxPresignedSeconds.ToString(CultureInfo.InvariantCulture);
        if (!int.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > MaxPresignedSeconds)
            return (null, Ec2Errors.IncompleteSignature($"X-Amz-Expires must be a number of seconds from 1 to {MaxPresignedSeconds}, not '{expires}'."));
        return (new SignatureParts(request.QueryValue("X-Amz-Credential")!, request.QueryValue("X-Amz-SignedHeaders")!,
            request.QueryValue("X-Amz-Signature")!, request.QueryValue("X-Amz-Date")!, seconds), null);
    }

    private static bool TryParseDate(string text, out DateTimeOffset date) =>
        DateTimeOffset.TryParseExact(text, BasicFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date) ||
        DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);

    /// <summary>A signature is current from 15 minutes before its date (clock skew) until 15 minutes after it, or its expiry.</summary>
    private static AwsError? Expiry(DateTimeOffset signedAt, int? presignedSeconds, DateTimeOffset now)
    {
        string Basic(DateTimeOffset t) => t.UtcDateTime.ToString(BasicFormat, CultureInfo.InvariantCulture);
        if (signedAt > now + AllowedSkew)
            return Ec2Errors.RequestExpired($"Signature not yet current: {Basic(signedAt)} is still later than {Basic(now + AllowedSkew)} ({Basic(now)} + 15 min.)");
        if (presignedSeconds is { } seconds)
            return now > signedAt.AddSeconds(seconds)
                ? Ec2Errors.RequestExpired($"The presigned request expired at {Basic(signedAt.AddSeconds(seconds))} ({Basic(signedAt)} + {seconds} s); it is now {Basic(now)}.")
                : null;
        return signedAt < now - AllowedSkew
            ? Ec2Errors.RequestExpired($"Signature expired: {Basic(signedAt)} is now earlier than {Basic(now - AllowedSkew)} ({Basic(now)} - 15 min.)")
            : null;
    }
}
