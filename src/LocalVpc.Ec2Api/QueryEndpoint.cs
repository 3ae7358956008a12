using LocalVpc.Core.Regions;
using LocalVpc.Ec2Api.Protocol.SigV4;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace LocalVpc.Ec2Api;

/// <summary>
/// The Query endpoint for EC2 and Elastic Load Balancing v2: reads the request, picks the API, finds the
/// account and region, binds the request against the API's model, runs its handler and writes the API's XML.
/// Bad input always ends as an AWS error, never a 500.
/// </summary>
public sealed partial class QueryEndpoint(CommandPipeline pipeline, Ec2ApiOptions options, ILogger<QueryEndpoint> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var requestId = RequestIds.Next();
        string action = "";
        var api = QueryApi.Ec2;
        ApiReply reply;
        try
        {
            // 1. Parameters: query string and form body together; the API they are for. A verified signature covers the body's bytes.
            var signedBody = options.VerifiedKeys is null ? null : await ReadBodyAsync(http.Request);
            var (parameters, readError) = await ReadParametersAsync(http.Request);
            action = parameters.GetValueOrDefault("Action") ?? "";
            // A presigned request carries its signature in the URL's query, never in a form body (which any web page can post).
            var query = http.Request.Query;
            var credential = CredentialScope.FromHeader(http.Request.Headers.Authorization)
                ?? CredentialScope.FromQuery(query["X-Amz-Credential"].LastOrDefault(), query["X-Amz-SignedHeaders"].LastOrDefault(),
                    query["X-Amz-Signature"].LastOrDefault());
            api = QueryApi.For(parameters.GetValueOrDefault("Version"), credential?.Service);
            var (account, authError) = Authenticate(http.Request, signedBody, credential);
            reply = BrowserGuard.Refusal(http.Request, options.AllowedHosts) is { } refusal ? Ec2Errors.UnauthorizedOperation(refusal)
                : readError ?? authError ?? await DispatchAsync(api, new Scope(account!, credential?.Region ?? Scope.DefaultRegion), action, parameters);
        }
        catch (Exception e)
        {
            LogUnhandled(logger, e, action);
            reply = Ec2Errors.InternalError();
        }
        // 2. Answer: the action's document, or the error document, in the API's protocol.
        using var body = reply.Error is { } error ? api.Error(error, requestId) : api.Success(action, requestId, reply.Body!);
        http.Response.StatusCode = reply.Error?.HttpStatus ?? 200;
        http.Response.ContentType = XmlResponseWriter.ContentType;
        http.Response.ContentLength = body.Length;
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        await body.CopyToAsync(http.Response.Body);
    }

    /// <summary>
    /// The account the request acts as. <c>--auth sigv4</c>: the key that verifiably signed it. <c>--auth any</c>: the
    /// scope's access key when it is 12 digits, else the default; a signature is still needed (a web page's form has none).
    /// </summary>
    private (string? Account, AwsError? Error) Authenticate(HttpRequest request, byte[]? body, CredentialScope? credential)
    {
        if (options.VerifiedKeys is { } keys)
        {
            var (key, error) = SignatureVerifier.Verify(SignedRequest.From(request, body ?? []), keys, pipeline.Time.GetUtcNow());
            return (key?.Account, error);
        }
        var authorization = request.Headers.Authorization.ToString();
        if (CredentialScope.CheckHeader(authorization) is { } repeated) return (null, repeated);
        if (credential is null && authorization.Length == 0) return (null, Ec2Errors.MissingAuthenticationToken());
        return (credential?.Account(options.DefaultAccount) ?? options.DefaultAccount, null);
    }

    private async Task<ApiReply> DispatchAsync(QueryApi api, Scope scope, string action, Dictionary<string, string> parameters)
    {
        if (action.Length == 0) return Ec2Errors.MissingAction();
        if (!api.Handlers.TryGetValue(action, out var handler)) return Ec2Errors.InvalidAction(action);

        // 3. The region of the SigV4 credential scope must be one we serve.
        if (RegionCatalog.Find(scope.Region) is null)
            return new AwsError("InvalidParameterValue", $"The region '{scope.Region}' is not a region LocalVpc serves.");

        // 4. Bind against the model, then run.
        var model = api.Model;
        if (InputReader.Read(model, model.Operations[action].Input!, parameters, out var input) is { } inputError)
            return inputError;
        var call = new ApiCall(action, input, scope, input.Bool("DryRun") == true, pipeline, options);
        var reply = await handler(call);
        // A read that would have succeeded answers DryRunOperation; writes handle DryRun in ApiCall.
        return call.DryRun && reply.Error is null ? Ec2Errors.DryRunOperation() : reply;
    }

    private static async Task<(Dictionary<string, string>, AwsError?)> ReadParametersAsync(HttpRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in request.Query) parameters[key] = Last(values);
        if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync();
                foreach (var (key, values) in form) parameters[key] = Last(values);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or FormatException)
            {
                return (parameters, Ec2Errors.InvalidParameterValue($"The request body could not be read as form parameters: {e.Message}"));
            }
        }
        return (parameters, null);
    }

    /// <summary>The body's bytes, left readable again for the form reader.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy);
        request.Body.Position = 0;
        return copy.ToArray();
    }

    private static string Last(StringValues values) => values.Count == 0 ? "" : values[^1] ?? "";

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled error in {Action}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string action);
}
