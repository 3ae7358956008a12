namespace LocalVpc.Clients.Tests;

/// <summary><c>localvpc demo</c> end to end, as a process starting a LocalVpc (and moto_server behind KMS) of its own.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_TellsTheWholeStory_WithRealConnectionsAtEachStep()
    {
        var (exitCode, output) = await LocalVpcCli.RunAsync(null, "demo");
        Assert.True(exitCode == 0, output);

        string Step(string title, string? next)
        {
            var start = output.IndexOf(title, StringComparison.Ordinal);
            Assert.True(start >= 0, $"no step '{title}' in:\n{output}");
            var end = next is null ? output.Length : output.IndexOf(next, start, StringComparison.Ordinal);
            return output[start..end];
        }

        // 1. No route from a private subnet; with a NAT gateway the path leaves the VPC.
        var why = Step("1. Why an endpoint", "2. Where it lives");
        Assert.Contains("NOT REACHABLE: NO_ROUTE_TO_DESTINATION", why);
        Assert.Contains("nat-gateway", why);
        Assert.Contains("REACHABLE", why.Split("NOT REACHABLE")[1]);
        Assert.Contains("$ aws ec2 create-vpc --cidr-block 10.0.0.0/16", why);

        // 2. Two interfaces, one per subnet, with their private IPs.
        var where = Step("2. Where it lives", "3. Security groups");
        Assert.Contains("$ aws ec2 create-vpc-endpoint", where);
        Assert.Matches(@"us-east-1a\s*│\s*10\.0\.1\.\d+", where);
        Assert.Matches(@"us-east-1b\s*│\s*10\.0\.2\.\d+", where);

        // 3. Refused without the endpoint group's inbound 443, connected with it.
        var groups = Step("3. Security groups", "4. Private DNS");
        Assert.Contains("Refused (ENI_SG_RULES_MISMATCH)", groups);
        Assert.Contains("$ aws ec2 create-flow-logs", groups);
        Assert.Matches(@"2 \d{12} eni-[0-9a-f]+ 10\.0\.1\.\d+ 10\.0\.[12]\.\d+ \d+ 443 6 1 0 \d+ \d+ REJECT OK\s+\(ENI_SG_RULES_MISMATCH\)", groups);
        Assert.Contains("STOP security-group-ingress", groups);
        Assert.Contains("$ aws ec2 authorize-security-group-ingress", groups);
        Assert.Contains("Connected to kms.us-east-1.amazonaws.com", groups);

        // 4. The public name answers with both private IPs.
        var dns = Step("4. Private DNS", "5. Acceptance");
        Assert.Matches(@"\n\s+10\.0\.1\.\d+\n\s+10\.0\.2\.\d+|\n\s+10\.0\.2\.\d+\n\s+10\.0\.1\.\d+", dns);

        // 5. pendingAcceptance carries nothing until the provider accepts; then the provider's app answers.
        var acceptance = Step("5. Acceptance", "6. The test");
        Assert.Contains("is pendingAcceptance", acceptance);
        Assert.Contains("Refused (LOCALVPC_ENDPOINT_PENDING_ACCEPTANCE)", acceptance);
        Assert.Contains("$ AWS_ACCESS_KEY_ID=", acceptance);
        Assert.Matches(@"Connected to vpce-[0-9a-f]{17}-\w+\.vpce-svc-", acceptance);

        // 6. The test, and an SDK call through the endpoint to moto_server.
        var test = Step("6. The test", null);
        Assert.Contains("Connected to kms.us-east-1.amazonaws.com", test);
        Assert.Matches(@"KMS created key [0-9a-f-]{36}, called through the endpoint", test);
    }
}
