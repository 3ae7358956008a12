using LocalVpc.SigV4;

namespace LocalVpc.Ec2Api.Protocol.SigV4;

/// <summary>
/// What a SigV4 credential says: <c>AKID/20250131/us-east-1/ec2/aws4_request</c>, from the Authorization
/// header or a presigned query's X-Amz-Credential
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-signing-elements.html).
/// <c>--auth sigv4</c> checks the signature (<see cref="SignatureVerifier"/>); <c>--auth any</c> reads only the scope.
/// </summary>
public sealed record CredentialScope(string AccessKeyId, string Date, string Region, string Service,
    IReadOnlyList<string> SignedHeaders, string Signature)
{
    public const string Algorithm = SdkCanonicalRequest.AWS4AlgorithmTag;

    /// <summary>Reads the Authorization header; null when absent or not SigV4.</summary>
    public static CredentialScope? FromHeader(string? authorization)
    {
        if (Fields(authorization) is not { } fields) return null;
        var first = fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        return first.TryGetValue("Credential", out var credential)
            ? Parse(credential, first.GetValueOrDefault("SignedHeaders"), first.GetValueOrDefault("Signature"))
            : null;
    }

    /// <summary>AWS's answer to a SigV4 header that names one of its components twice.</summary>
    public static AwsError? CheckHeader(string? authorization) =>
        Fields(authorization) is { } fields && fields.GroupBy(f => f.Key).FirstOrDefault(g => g.Count() > 1) is { } repeated
            ? new AwsError("IncompleteSignature", $"Authorization header requires each component specified only once: {repeated.Key} is given {repeated.Count()} times.")
            : null;

    /// <summary>The header's <c>Name=value</c> components in order, repeats kept; null when it is not SigV4.</summary>
    internal static List<KeyValuePair<string, string>>? Fields(string? authorization) =>
        authorization is null || !authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal)
            ? null
            : [.. authorization[(Algorithm.Length + 1)..]
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(f => f.Split('=', 2))
                .Where(f => f.Length == 2)
                .Select(f => KeyValuePair.Create(f[0], f[1]))];

    /// <summary>Reads a presigned request's X-Amz-Credential; null when absent or malformed.</summary>
    public static CredentialScope? FromQuery(string? credential, string? signedHeaders, string? signature) =>
        credential is null ? null : Parse(credential, signedHeaders, signature);

    internal static CredentialScope? Parse(string credential, string? signedHeaders, string? signature)
    {
        var parts = credential.Split('/');
        if (parts.Length != 5 || parts[4] != "aws4_request" || parts[0].Length == 0) return null;
        return new CredentialScope(parts[0], parts[1], parts[2], parts[3],
            signedHeaders?.Split(';') ?? [], signature ?? "");
    }

    /// <summary>The account: the access key id when it is 12 digits (LocalStack's convention), else the default.</summary>
    public string Account(string defaultAccount) =>
        AccessKeyId.Length == 12 && AccessKeyId.All(char.IsAsciiDigit) ? AccessKeyId : defaultAccount;
}
