using LocalVpc.Core.Regions;
using LocalVpc.Ec2Api.Protocol.SigV4;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace LocalVpc.Ec2Api;

/// <summary>
/// The EC2 Query endpoint: reads the request, finds its account and region, binds it against the model,
/// runs its handler and writes EC2's XML. Bad input always ends as an AWS error, never a 500.
/// </summary>
public sealed partial class Ec2Endpoint(Ledger ledger, Ec2ApiOptions options, ILogger<Ec2Endpoint> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        string action = "";
        Ec2Reply reply;
        try
        {
            // 1. Parameters: query string and form body together.
            var (parameters, readError) = await ReadParametersAsync(http.Request);
            action = parameters.GetValueOrDefault("Action") ?? "";
            reply = readError ?? await DispatchAsync(http, action, parameters);
        }
        catch (Exception e)
        {
            LogUnhandled(logger, e, action);
            reply = Ec2Errors.InternalError();
        }
        // 2. Answer: the action's document, or EC2's error document.
        var body = reply.Error is { } error
            ? XmlResponseWriter.Error(error, requestId)
            : XmlResponseWriter.Success(action, requestId, reply.Body!);
        http.Response.StatusCode = reply.Error?.HttpStatus ?? 200;
        http.Response.ContentType = XmlResponseWriter.ContentType;
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        await http.Response.Body.WriteAsync(body);
    }

    private async Task<Ec2Reply> DispatchAsync(HttpContext http, string action, Dictionary<string, string> parameters)
    {
        if (action.Length == 0) return Ec2Errors.MissingAction();
        if (!ActionTable.Handlers.TryGetValue(action, out var handler)) return Ec2Errors.InvalidAction(action);

        // 3. Account and region from the SigV4 credential scope.
        var credential = CredentialScope.FromHeader(http.Request.Headers.Authorization)
            ?? CredentialScope.FromQuery(parameters.GetValueOrDefault("X-Amz-Credential"),
                parameters.GetValueOrDefault("X-Amz-SignedHeaders"), parameters.GetValueOrDefault("X-Amz-Signature"));
        var scope = new Scope(credential?.Account(options.DefaultAccount) ?? options.DefaultAccount,
            credential?.Region ?? Scope.DefaultRegion);
        if (RegionCatalog.Find(scope.Region) is null)
            return new Ec2Error("InvalidParameterValue", $"The region '{scope.Region}' is not a region LocalVpc serves.");

        // 4. Bind against the model, then run.
        var model = Ec2Model.Instance;
        if (InputReader.Read(model, model.Operations[action].Input!, parameters, out var input) is { } inputError)
            return inputError;
        var call = new Ec2Call(action, input, scope, input.Bool("DryRun") == true, ledger, options);
        var reply = await handler(call);
        // A read that would have succeeded answers DryRunOperation; writes handle DryRun in Ec2Call.
        return call.DryRun && reply.Error is null ? Ec2Errors.DryRunOperation() : reply;
    }

    private static async Task<(Dictionary<string, string>, Ec2Error?)> ReadParametersAsync(HttpRequest request)
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
