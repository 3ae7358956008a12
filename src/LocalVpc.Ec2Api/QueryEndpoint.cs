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
        var requestId = Guid.NewGuid().ToString();
        string action = "";
        var api = QueryApi.Ec2;
        ApiReply reply;
        try
        {
            // 1. Parameters: query string and form body together; the API they are for.
            var (parameters, readError) = await ReadParametersAsync(http.Request);
            action = parameters.GetValueOrDefault("Action") ?? "";
            // A presigned request carries its signature in the URL's query, never in a form body (which any web page can post).
            var query = http.Request.Query;
            var credential = CredentialScope.FromHeader(http.Request.Headers.Authorization)
                ?? CredentialScope.FromQuery(query["X-Amz-Credential"].LastOrDefault(), query["X-Amz-SignedHeaders"].LastOrDefault(),
                    query["X-Amz-Signature"].LastOrDefault());
            api = QueryApi.For(parameters.GetValueOrDefault("Version"), credential?.Service);
            reply = BrowserGuard.Refusal(http.Request, options.AllowedHosts) is { } refusal ? Ec2Errors.UnauthorizedOperation(refusal)
                : readError ?? CredentialScope.CheckHeader(http.Request.Headers.Authorization)
                  ?? (credential is null && !http.Request.Headers.ContainsKey("Authorization") ? Ec2Errors.MissingAuthenticationToken() : null)
                  ?? await DispatchAsync(api, credential, action, parameters);
        }
        catch (Exception e)
        {
            LogUnhandled(logger, e, action);
            reply = Ec2Errors.InternalError();
        }
        // 2. Answer: the action's document, or the error document, in the API's protocol.
        var body = reply.Error is { } error ? api.Error(error, requestId) : api.Success(action, requestId, reply.Body!);
        http.Response.StatusCode = reply.Error?.HttpStatus ?? 200;
        http.Response.ContentType = XmlResponseWriter.ContentType;
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        await http.Response.Body.WriteAsync(body);
    }

    private async Task<ApiReply> DispatchAsync(QueryApi api, CredentialScope? credential, string action, Dictionary<string, string> parameters)
    {
        if (action.Length == 0) return Ec2Errors.MissingAction();
        if (!api.Handlers.TryGetValue(action, out var handler)) return Ec2Errors.InvalidAction(action);

        // 3. Account and region from the SigV4 credential scope.
        var scope = new Scope(credential?.Account(options.DefaultAccount) ?? options.DefaultAccount,
            credential?.Region ?? Scope.DefaultRegion);
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

    private static string Last(StringValues values) => values.Count == 0 ? "" : values[^1] ?? "";

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled error in {Action}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string action);
}
