using Amazon.Runtime.Internal.Auth;

namespace LocalVpc.SigV4;

/// <summary>
/// The canonical request and signature as the AWS SDK for .NET computes them when it signs: its own
/// <see cref="AWS4Signer"/> code, reached through the protected helpers it keeps for its subclasses. Verifying with the
/// signer's code rather than a copy of the rules means a request the SDK signs is, by construction, one we accept.
/// </summary>
public sealed class SdkCanonicalRequest : AWS4Signer
{
    private static readonly Uri Origin = new("http://localhost/");

    private SdkCanonicalRequest() { }

    /// <param name="query">The query's parameters, decoded; the SDK encodes them as SigV4 asks.</param>
    /// <param name="signedHeaders">Each signed header's name (lower case) and value, in SigV4's order.</param>
    public static string Build(string method, string path, IEnumerable<KeyValuePair<string, string>> query,
        SortedDictionary<string, string> signedHeaders, string payloadHash) =>
        CanonicalizeRequest(Origin, path, method, signedHeaders, CanonicalizeQueryParameters(query), payloadHash);

    /// <summary>The hex signature of a canonical request under a secret and a credential scope.</summary>
    public static string Sign(string accessKeyId, string secret, string region, string service, DateTime signedAt,
        string signedHeaders, string canonicalRequest) =>
        ComputeSignature(accessKeyId, secret, region, signedAt, service, signedHeaders, canonicalRequest).Signature;
}
