using System.Diagnostics;
using System.Text.Json;

namespace LocalVpc.Clients.Tests.Infrastructure;

/// <summary>Runs the real <c>aws</c> CLI against a LocalVpc server, as a user would.</summary>
public static class AwsCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;
    }

    public static Task<Result> RunAsync(LocalVpcServer server, string account, params string[] args) => RunAsync(server.Url, account, args);

    /// <summary>Runs a command that must succeed, with <c>--output text</c>: its trimmed output.</summary>
    public static async Task<string> TextAsync(LocalVpcServer server, string account, params string[] args)
    {
        var result = await RunAsync(server, account, [.. args, "--output", "text"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout.Trim();
    }

    /// <summary>The CLI against any endpoint (a moto_server standing in for a service, say).</summary>
    public static async Task<Result> RunAsync(string endpointUrl, string account, params string[] args)
    {
        var info = new ProcessStartInfo("aws");
        foreach (var arg in new[] { "--endpoint-url", endpointUrl, "--output", "json" }.Concat(args)) info.ArgumentList.Add(arg);
        info.Environment["AWS_ACCESS_KEY_ID"] = account;
        info.Environment["AWS_SECRET_ACCESS_KEY"] = "test-secret";
        info.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        info.Environment["AWS_MAX_ATTEMPTS"] = "1";
        info.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        info.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        var result = await ChildProcess.RunAsync(info, "These tests drive the AWS CLI: install it (pip install awscli) or run .ci/run.");
        return new Result(result.ExitCode, result.Stdout, result.Stderr);
    }
}
