using System.Net;
using LocalVpc.Core.Commands;
using LocalVpc.Ec2Api;
using LocalVpc.Ec2Api.Model;
using LocalVpc.Ec2Api.Protocol;
using LocalVpc.Network;
using LocalVpc.Status;
using LocalVpc.Storage;
using LocalVpc.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LocalVpc;

/// <summary>Hosts the EC2 API and LocalVpc's own endpoints (<c>/_localvpc/…</c>) on one port.</summary>
internal static class Server
{
    public static async Task<int> RunAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        // The model is loaded now, beside the state: a broken model should stop the start, not the first request.
        var model = Task.Run(() => ServiceModel.Ec2, cancellationToken);
        // One server per data directory: a second one would write the same log. Taken before anything there is touched.
        using var owner = DataDirectoryLock.TryAcquire(options.DataDirectory, $"process {Environment.ProcessId} serving {options.Url}", out var heldBy);
        if (owner is null)
        {
            Console.Error.WriteLine($"LocalVpc's data directory {Path.GetFullPath(options.DataDirectory)} is in use by {heldBy}. " +
                                    "One server owns a directory: stop that one, or give this one another --data.");
            return 1;
        }
        if (options.Recover) Recover(options.StatePath);
        if (await OpenStateAsync(options, cancellationToken) is not var (log, pipeline)) return 1;
        await using var openLog = log;
        await model;

        // LocalVpc is configured by its command line alone. The host would read an appsettings.json from the directory it is
        // started in (a project's Kestrel endpoints would have it listen on 0.0.0.0) and environment variables, and watch
        // that directory and every folder beneath it for changes (seconds at start, in a large checkout).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        // LocalVpc's own lines at --log-level: by default every data-plane decision with its explanation.
        builder.Logging.AddFilter("LocalVpc", options.LogLevel);
        builder.WebHost.ConfigureKestrel(k =>
        {
            if (!IPAddress.TryParse(options.Host, out var address))
                address = options.Host == "localhost" ? IPAddress.Loopback : throw new ArgumentException($"--host {options.Host} is not an IP address");
            k.Listen(address, options.Port);
            k.AddServerHeader = false;
        });
        builder.Services.AddSingleton(pipeline);
        builder.Services.AddSingleton(pipeline.Published);
        builder.Services.AddSingleton(services => new Ec2ApiOptions
        {
            DefaultAccount = options.Account, TargetHealth = services.GetRequiredService<DataPlane>().Health, AllowedHosts = options.AllowedHosts ?? [],
            FlowLogDelivery = services.GetRequiredService<DataPlane>().FlowLogs,
            VerifiedKeys = options.VerifiedKeys,
        });
        builder.Services.AddSingleton<QueryEndpoint>();

        builder.Services.AddSingleton(options.DataPlane);
        builder.Services.AddSingleton<DataPlane>();

        await using var app = builder.Build();
        var plane = app.Services.GetRequiredService<DataPlane>();
        var endpoint = app.Services.GetRequiredService<QueryEndpoint>();
        // LocalVpc's own endpoints answer only AWS-style clients too: no renamed Host (DNS rebinding), no other site's page.
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/_localvpc") && BrowserGuard.Refusal(http.Request, options.AllowedHosts ?? []) is { } refusal)
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await http.Response.WriteAsJsonAsync(new { error = refusal });
                return;
            }
            await next(http);
        });
        app.MapGet("/_localvpc/health", () => Results.Json(new
        {
            status = "ready",
            service = "localvpc",
            ec2ApiVersion = ServiceModel.Ec2.ApiVersion,
            botocoreModel = ServiceModel.Ec2.BotocoreVersion,
            actions = ActionTable.Handlers.Count,
            auth = options.VerifiedKeys is null ? "any" : "sigv4",
            console = WebConsole.Path,
        }));
        app.MapPost("/_localvpc/reset", async () =>
        {
            // Reset wipes every account: with verified keys the accounts have owners, and no one of them may wipe the others'.
            if (options.VerifiedKeys is not null)
                return Results.Json(new { error = "reset wipes every account's state, which no single key may do on a --auth sigv4 server; restart it on a new --data instead" }, statusCode: 403);
            await pipeline.ResetAsync();
            return Results.Json(new { reset = true });
        });
        app.MapGet("/_localvpc/probe", (HttpRequest request, CancellationToken aborted) =>
        {
            var (caller, refusal) = LocalCaller.Identify(request, options.VerifiedKeys, pipeline.Time);
            if (refusal is not null) return Task.FromResult(refusal);
            if (caller is not null && request.Query["account"].ToString() is { Length: > 0 } named && named != caller)
                return Task.FromResult(Results.Json(new { error = $"the key that signed this request acts as {caller}, not {named}" }, statusCode: 403));
            return ProbeEndpoint.HandleAsync(request, pipeline, plane, caller ?? options.Account, aborted);
        });
        app.MapGet("/_localvpc/status", async (HttpRequest request) =>
        {
            var (caller, refusal) = LocalCaller.Identify(request, options.VerifiedKeys, pipeline.Time);
            if (refusal is not null) return refusal;
            await plane.ReconciledAsync();
            return Results.Json(StatusBuilder.Build(pipeline.Published.Regions, account => caller is null || account == caller, plane, options.Url,
                pipeline.Time.GetUtcNow()), StatusJson.Options);
        });
        app.MapGet("/_localvpc/flows", async (HttpRequest request, CancellationToken aborted) =>
        {
            var (caller, refusal) = LocalCaller.Identify(request, options.VerifiedKeys, pipeline.Time);
            if (refusal is not null) return refusal;
            // A long poll answers at once when the server stops, rather than holding its shutdown.
            using var ends = CancellationTokenSource.CreateLinkedTokenSource(aborted, app.Lifetime.ApplicationStopping);
            return await FlowsEndpoint.HandleAsync(request, plane.FlowLogs, caller, ends.Token);
        });
        app.MapGet("/_localvpc/events", async (HttpContext http) =>
        {
            var (_, refusal) = LocalCaller.Identify(http.Request, options.VerifiedKeys, pipeline.Time);
            if (refusal is not null) await refusal.ExecuteAsync(http);
            else
            {
                // An open console must not hold the server's shutdown: the stream ends when the server stops.
                using var ends = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, app.Lifetime.ApplicationStopping);
                await EventsEndpoint.HandleAsync(http, pipeline.Published, ends.Token);
            }
        });
        WebConsole.Map(app);
        app.MapPost("/", endpoint.HandleAsync);
        app.MapGet("/", endpoint.HandleAsync);

        try
        {
            await app.StartAsync(cancellationToken);
            plane.Start();
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"LocalVpc could not listen on {options.Url}: {e.Message}");
            return 1;
        }
        Console.WriteLine($"LocalVpc is serving the EC2 API on {options.Url} (state: {options.StatePath})");
        Console.WriteLine("Point AWS clients at it:");
        Console.WriteLine($"  export AWS_ENDPOINT_URL={options.Url}");
        if (options.VerifiedKeys is { } keys)
            Console.WriteLine($"  with one of the {keys.Count} access key{(keys.Count == 1 ? "" : "s")} of the credentials file (--auth sigv4: signatures are verified)");
        else
            Console.WriteLine("  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1");
        Console.WriteLine($"VPC resolvers and instance proxies: localvpc status (CA: {plane.Authority.CertificatePath})");
        foreach (var service in options.DataPlane.Services.Values.OrderBy(s => s.Service, StringComparer.Ordinal))
            Console.WriteLine($"  {service.Service} is served by {service}");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    /// <summary>The log and the pipeline over it; null, with a message that names the file and the damage, when the state does not load.</summary>
    private static async Task<(SqliteEventLog Log, CommandPipeline Pipeline)?> OpenStateAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        SqliteEventLog? log = null;
        try
        {
            log = SqliteEventLog.Open(options.StatePath);
            var pipeline = await CommandPipeline.OpenAsync(log,
                new CommandContext(new RandomIdSource(), TimeProvider.System) { EndpointTransition = options.EndpointDelay, Quotas = options.Quotas ?? Core.Quotas.ServiceQuotas.Aws },
                new PipelineOptions { CreateDefaultVpc = options.DefaultVpc, SnapshotEvery = options.SnapshotEvery }, cancellationToken);
            return (log, pipeline);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or System.Text.Json.JsonException or InvalidDataException or NotSupportedException
                                      or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            if (log is not null) await log.DisposeAsync();
            var damage = DamagedLog.Inspect(options.StatePath)?.What ?? e.Message;
            Console.Error.WriteLine($"LocalVpc cannot load its state from {Path.GetFullPath(options.StatePath)}: {damage.TrimEnd('.')}.");
            Console.Error.WriteLine($"To start from what is before the damage, run: localvpc up --data {options.DataDirectory} --recover " +
                                    "(the damaged file is moved aside beside it, never deleted).");
            return null;
        }
    }

    /// <summary><c>--recover</c>: a damaged log is moved aside and what is before the damage kept; a sound one is left as it is.</summary>
    private static void Recover(string statePath)
    {
        if (!File.Exists(statePath) || DamagedLog.Inspect(statePath) is not { } damage)
        {
            Console.WriteLine($"--recover: {statePath} loads as it is; nothing to recover.");
            return;
        }
        var (kept, movedTo) = DamagedLog.Recover(statePath, damage, DateTimeOffset.UtcNow);
        Console.WriteLine($"--recover: {statePath} was damaged ({damage.What}). Moved it to {movedTo}; the new log keeps {kept} event{(kept == 1 ? "" : "s")} " +
                          (damage.Scope is { } scope ? $"(every account and region whole, and {scope.Account} in {scope.Region} up to the damage)." : "(none could be read)."));
    }
}
