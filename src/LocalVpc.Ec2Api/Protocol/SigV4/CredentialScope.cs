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
        return First(fields, "Credential") is { } credential
            ? Parse(credential, First(fields, "SignedHeaders"), First(fields, "Signature"))
            : null;
    }

    /// <summary>AWS's answer to a SigV4 header that names one of its components twice.</summary>
    public static AwsError? CheckHeader(string? authorization)
    {
        if (Fields(authorization) is not { } fields) return null;
        for (var i = 0; i < fields.Count; i++)
        {
            var (name, times, namedBefore) = (fields[i].Key, 0, false);
            for (var j = 0; j < fields.Count; j++)
            {
                if (fields[j].Key != name) continue;
                times++;
                namedBefore |= j < i;
            }
            if (times > 1 && !namedBefore)
                return new AwsError("IncompleteSignature", $"Authorization header requires each component specified only once: {name} is given {times} times.");
        }
        return null;
    }

    private static string? First(List<KeyValuePair<string, string>> fields, string name)
    {
        foreach (var (key, value) in fields)
            if (key == name) return value;
        return null;
    }

    /// <summary>The header's <c>Name=value</c> components in order, repeats kept; null when it is not SigV4.</summary>
    internal static List<KeyValuePair<string, string>>? Fields(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal)) return null;
        var components = authorization.AsSpan(Algorithm.Length + 1);
        var fields = new List<KeyValuePair<string, string>>(3);
        foreach (var range in components.Split(','))
        {
            var field = components[range].Trim();
            var equals = field.IndexOf('=');
            if (equals >= 0) fields.Add(KeyValuePair.Create(field[..equals].ToString(), field[(equals + 1)..].ToString()));
        }
        return fields;
    }

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
