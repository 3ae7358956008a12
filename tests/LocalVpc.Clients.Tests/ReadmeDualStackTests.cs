using System.Text.RegularExpressions;

namespace LocalVpc.Clients.Tests;

/// <summary>The README's dual-stack walkthrough, run as written against a server with moto_server behind KMS, as the README starts it.</summary>
[Collection(DataPlaneCollection.Name)]
public sealed class ReadmeDualStackTests(DataPlaneFixture fixture)
{
    [Fact]
    public async Task DualStackWalkthrough_RunsAsWritten_AndIpv6FollowsTheGroupsIpv6Rule()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(ReadmeTests.RepositoryRoot(), "README.md"));
        var section = Regex.Match(readme, @"## Walkthrough: dual stack.*?\n## ", RegexOptions.Singleline).Value;
        var block = Regex.Match(section, @"```sh\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var script = block
            .Replace("http://127.0.0.1:4580", fixture.Server.Url)
            .Replace("111122223333", ServerFixture.NewAccount())
            .Replace("localvpc() { dotnet run --project src/LocalVpc -- \"$@\"; }",
                $"localvpc() {{ dotnet {Path.Combine(AppContext.BaseDirectory, "localvpc.dll")} \"$@\"; }}");
        Assert.Contains("localvpc.dll", script);

        var output = await ReadmeTests.RunBashAsync(script);

        Assert.Matches(@"\n10\.2\.1\.\d+\s+2600:1f18:[0-9a-f:]+\n", output);                // the instance's two addresses
        Assert.Matches(@"vpce-[0-9a-f]+\s+dualstack\n", output);
        Assert.Matches(@"\n10\.2\.1\.\d+\n2600:1f18:[0-9a-f:]+\n", output);                  // A, then AAAA
        Assert.Contains("Unable to connect to remote host", output);
        Assert.Contains("NOT REACHABLE: ENI_SG_RULES_MISMATCH", output);
        Assert.Matches(@"Connected to 2600:1f18:[0-9a-f:]+\.", output);
        Assert.Contains("LIVE: connected", output);
        Assert.DoesNotContain("InternalError", output);
        Assert.DoesNotContain("command not found", output);
    }
}
