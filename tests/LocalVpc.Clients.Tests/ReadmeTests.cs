using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LocalVpc.Clients.Tests;

/// <summary>The README's quick start, run as written against a real server, so the README cannot rot.</summary>
public sealed class ReadmeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task QuickStart_RunsAsWritten_AndShowsWhatItPromises()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md"));
        var block = Regex.Match(readme, @"## Quick start with the AWS CLI.*?```sh\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("aws ec2 create-vpc", block);
        // Same commands, but pointed at the test server and at an account of their own.
        var script = block.Replace("http://127.0.0.1:4580", fixture.Server.Url)
            .Replace("AWS_ACCESS_KEY_ID=test", $"AWS_ACCESS_KEY_ID={ServerFixture.NewAccount()}");

        var output = await RunBashAsync(script);

        Assert.Contains("172.31.0.0/16", output);           // the default VPC
        Assert.Contains("251", output);                     // a /24 less AWS's five reserved addresses
        Assert.Contains("ip-10-0-1-", output);              // the instance's private DNS name
        Assert.Contains(".kms.us-east-1.vpce.amazonaws.com", output);
        Assert.Contains("kms.us-east-1.amazonaws.com", output);
        Assert.Contains("(DependencyViolation)", output);
        Assert.Contains("(DryRunOperation)", output);
        Assert.DoesNotContain("Unknown options", output);
        Assert.DoesNotContain("InternalError", output);
    }

    /// <summary>Runs a script with bash as a user's shell would, with no AWS config of the machine's: stdout and stderr together.</summary>
    public static async Task<string> RunBashAsync(string script)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        info.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        info.Environment["AWS_MAX_ATTEMPTS"] = "1";
        using var bash = Process.Start(info)!;
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        return await stdout + await stderr;
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "LocalVpc.slnx"))) return directory.FullName;
        throw new InvalidOperationException("The repository root (LocalVpc.slnx) is not above the test binaries.");
    }
}
