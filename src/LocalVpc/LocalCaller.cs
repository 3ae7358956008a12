using LocalVpc.Ec2Api.Protocol.SigV4;
using LocalVpc.SigV4;
using Microsoft.AspNetCore.Http;

namespace LocalVpc;

/// <summary>
/// Whose state a <c>/_localvpc</c> request may see. <c>--auth sigv4</c>: only the account of the key that signed it (as
/// <c>localvpc status</c> and <c>probe</c> do with the environment's credentials). <c>--auth any</c>: every account, since
/// any caller can act as any account through the API alike.
/// </summary>
internal static class LocalCaller
{
    /// <summary>The caller's account (null: any account may be shown), or the refusal to answer with.</summary>
    public static (string? Account, IResult? Refusal) Identify(HttpRequest request, SigningKeys? keys, TimeProvider time)
    {
        if (keys is null) return (null, null);
        var (key, error) = SignatureVerifier.Verify(SignedRequest.From(request, []), keys, time.GetUtcNow());
        return key is not null ? (key.Account, null)
            : (null, Results.Json(new { error = $"{error!.Code}: {error.Message} (this LocalVpc runs --auth sigv4: sign with a key of its credentials file)" },
                statusCode: error.HttpStatus));
    }

    /// <summary>Signs a request to LocalVpc's own endpoints with the environment's credentials, when it has any.</summary>
    public static HttpRequestMessage SignedGet(string url)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        if (RequestSigner.FromEnvironment() is var (id, secret))
            RequestSigner.Sign(message, [], id, secret,
                Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? "us-east-1", "ec2", DateTimeOffset.UtcNow);
        return message;
    }
}
