using System.Text.RegularExpressions;

namespace LocalVpc.Clients.Tests;

/// <summary>
/// The README's walkthrough (the four steps of an endpoint and the test), run as written against a server with
/// moto_server behind KMS and denied connections refused, as the README starts it.
/// </summary>
[Collection(DataPlaneCollection.Name)]
public sealed class ReadmeWalkthroughTests(DataPlaneFixture fixture)
{
    [Fact]
    public async Task Walkthrough_RunsAsWritten_AndEachStepShowsWhatItSays()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(ReadmeTests.RepositoryRoot(), "README.md"));
        var section = Regex.Match(readme, @"## Walkthrough: a KMS endpoint.*?\n## ", RegexOptions.Singleline).Value;
        var blocks = Regex.Matches(section, @"```sh\n(.*?)```", RegexOptions.Singleline);
        Assert.Equal(2, blocks.Count);
        Assert.Contains("up --service kms=http://127.0.0.1:5000 --deny reject", blocks[0].Groups[1].Value);

        // The same commands, pointed at the test server, with accounts of their own and the built localvpc.
        var script = blocks[1].Groups[1].Value
            .Replace("http://127.0.0.1:4580", fixture.Server.Url)
            .Replace("111122223333", ServerFixture.NewAccount())
            .Replace("444455556666", ServerFixture.NewAccount())
            .Replace("localvpc() { dotnet run --project src/LocalVpc -- \"$@\"; }",
                $"localvpc() {{ dotnet {Path.Combine(AppContext.BaseDirectory, "localvpc.dll")} \"$@\"; }}");
        Assert.Contains("localvpc.dll", script);
        var output = await ReadmeTests.RunBashAsync(script);

        Assert.Contains("NOT REACHABLE: NO_ROUTE_TO_DESTINATION", output);                 // why
        Assert.Matches(@"us-east-1a\s+10\.1\.1\.\d+\s+vpc_endpoint", output);              // 1. where it lives
        Assert.Matches(@"us-east-1b\s+10\.1\.2\.\d+\s+vpc_endpoint", output);
        Assert.Contains("Unable to connect to remote host", output);                       // 2. refused without inbound 443
        Assert.Matches(@"\n10\.1\.[12]\.\d+\n10\.1\.[12]\.\d+\n", output);                   // 3. private DNS, both addresses
        Assert.Contains("pendingAcceptance\n", output);                                    // 4. acceptance
        Assert.Contains("\navailable\n", output);
        Assert.Contains("Connected to kms.us-east-1.amazonaws.com", output);               // the test
        Assert.Matches(@"\n[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n", output);
        Assert.Contains("LIVE: connected", output);
        Assert.DoesNotContain("InternalError", output);
        Assert.DoesNotContain("command not found", output);
    }
}
