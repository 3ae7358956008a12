using System.Diagnostics;
using LocalVpc.Ec2Api.Model;

namespace LocalVpc.Clients.Tests;

/// <summary>LocalVpc as a tool people keep: a .NET tool package, <c>--version</c>, and shell completion.</summary>
public sealed class ToolTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static async Task<ChildProcess.Result> RunAsync(string program, string missing, params string[] args)
    {
        var info = new ProcessStartInfo(program);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return await ChildProcess.RunAsync(info, missing, TimeSpan.FromMinutes(5));
    }

    /// <summary>What the README says, as a test: pack, install into a tool folder, run it from there.</summary>
    [Fact]
    public async Task DotnetPack_MakesATool_ThatInstallsAsLocalvpc_AndNamesTheModelItServes()
    {
        var packages = Directory.CreateTempSubdirectory("localvpc-pack-").FullName;
        var tools = Directory.CreateTempSubdirectory("localvpc-tools-").FullName;
        // The build the tests run is the one packed: nothing is compiled twice.
        var packed = await RunAsync("dotnet", "dotnet", "pack", Path.Combine(ReadmeTests.RepositoryRoot(), "src", "LocalVpc"), "-c", Configuration, "--no-build", "-o", packages);
        Assert.True(packed.ExitCode == 0, packed.Stdout + packed.Stderr);
        Assert.Single(Directory.GetFiles(packages, "LocalVpc.*.nupkg"));

        var installed = await RunAsync("dotnet", "dotnet", "tool", "install", "--tool-path", tools, "LocalVpc", "--add-source", packages);
        Assert.True(installed.ExitCode == 0, installed.Stdout + installed.Stderr);
        var version = await RunAsync(Path.Combine(tools, "localvpc"), "the installed tool", "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("localvpc 0.", version.Stdout);
        Assert.Contains($"EC2 API 2016-11-15 (botocore {ServiceModel.Ec2.BotocoreVersion})", version.Stdout);
    }

    /// <summary>A folder with a <c>localvpc</c> that runs the build under test, as the tool on the PATH would.</summary>
    private static string PathWithLocalvpc()
    {
        var bin = Directory.CreateTempSubdirectory("localvpc-bin-").FullName;
        var script = Path.Combine(bin, "localvpc");
        File.WriteAllText(script, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "localvpc.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return $"{bin}:{Environment.GetEnvironmentVariable("PATH")}";
    }

    /// <summary>Runs a script in <paramref name="shell"/> with the build under test as <c>localvpc</c> on the PATH.</summary>
    private static Task<ChildProcess.Result> ShellAsync(string shell, string script, string missing)
    {
        var info = new ProcessStartInfo(shell) { Environment = { ["PATH"] = PathWithLocalvpc() } };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        return ChildProcess.RunAsync(info, missing, TimeSpan.FromMinutes(2));
    }

    [Theory]
    [InlineData("localvpc fl", "flows")]
    [InlineData("localvpc flows --e", "--endpoint-url --eni")]
    [InlineData("/usr/local/bin/localvpc up --au", "--auth")]
    public async Task BashCompletion_CompletesCommandsAndOptions(string line, string expected)
    {
        var words = line.Split(' ');
        var script = "source <(localvpc completion bash)\n" +
                     $"COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; COMP_WORDS=({string.Join(' ', words.Select(w => $"'{w}'"))}); COMP_CWORD={words.Length - 1}\n" +
                     "_localvpc_complete; echo \"${COMPREPLY[*]}\"";
        var completed = await ShellAsync("bash", script, "bash");
        Assert.True(completed.ExitCode == 0, completed.Stderr);
        Assert.Equal(expected, completed.Stdout.Trim());
    }

    [Fact]
    public async Task ZshCompletion_CompletesOptions()
    {
        // compadd is what zsh's completion system offers the candidates to: here it prints them.
        const string Script = "autoload -Uz compinit && compinit -u\nsource <(localvpc completion zsh)\ncompadd() { print -l -- \"$@\" }\n" +
                              "words=(localvpc flows --e); CURRENT=3; _localvpc";
        var completed = await ShellAsync("zsh", Script, "The zsh completion test runs zsh: apt-get install zsh (or run .ci/run).");
        Assert.True(completed.ExitCode == 0, completed.Stderr);
        Assert.Equal(["--endpoint-url", "--eni"], completed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l != "--"));
    }
}
