using System.Text.RegularExpressions;

namespace LocalVpc.Clients.Tests.Terraform;

/// <summary>The README's Terraform provider block works as written (with the test server's port and a fresh account as its key).</summary>
public sealed partial class ReadmeTerraformTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task ProviderBlock_AsWritten_AppliesAndDestroys()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(ReadmeTests.RepositoryRoot(), "README.md"));
        var block = HclBlock().Match(readme).Groups[1].Value;
        Assert.Contains("provider \"aws\"", block);
        var account = ServerFixture.NewAccount();
        var terraform = TerraformCli.ForText("readme", $$"""
            {{block.Replace("http://127.0.0.1:4580", fixture.Server.Url).Replace("111122223333", account)}}
            data "aws_caller_identity" "me" {}
            resource "aws_vpc" "main" {
              cidr_block = "10.0.0.0/16"
            }
            output "account" { value = data.aws_caller_identity.me.account_id }
            """);

        foreach (var step in new[] { "init", "apply -auto-approve", "destroy -auto-approve" })
        {
            var result = await terraform.RunAsync([.. step.Split(' '), "-input=false", "-no-color"]);
            Assert.True(result.ExitCode == 0, $"terraform {step}:\n{result.Output}");
            if (step.StartsWith("apply", StringComparison.Ordinal)) Assert.Contains($"account = \"{account}\"", result.Output);
        }
    }

    [GeneratedRegex("```hcl\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex HclBlock();
}
