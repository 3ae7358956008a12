using System.Diagnostics;

namespace LocalVpc.Clients.Tests.Terraform;

/// <summary>
/// The real <c>terraform</c> in a working directory of its own, installing the hashicorp/aws provider from the local
/// mirror (<c>LOCALVPC_TF_MIRROR</c>, default <c>/opt/tf-plugins</c>): no registry is needed.
/// </summary>
public sealed class TerraformCli(string directory, IReadOnlyDictionary<string, string> variables)
{
    /// <summary>Where the provider's unpacked mirror is: Terraform links it in instead of copying the binary.</summary>
    public static string Mirror => Environment.GetEnvironmentVariable("LOCALVPC_TF_MIRROR") ?? "/opt/tf-plugins";

    public sealed record Result(int ExitCode, string Output);

    public string Directory => directory;

    /// <summary>A working directory holding a copy of the configuration's files, and a CLI configuration that installs from the mirror.</summary>
    public static TerraformCli For(string configuration, IReadOnlyDictionary<string, string> variables)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Terraform", "Configurations", configuration);
        var directory = NewDirectory(configuration);
        foreach (var file in System.IO.Directory.GetFiles(source, "*.tf")) File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        return new TerraformCli(directory, variables);
    }

    /// <summary>A working directory holding one <c>main.tf</c> with this text.</summary>
    public static TerraformCli ForText(string name, string mainTf)
    {
        var directory = NewDirectory(name);
        File.WriteAllText(Path.Combine(directory, "main.tf"), mainTf);
        return new TerraformCli(directory, new Dictionary<string, string>());
    }

    private static string NewDirectory(string name)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory($"localvpc-tf-{name}-").FullName;
        File.WriteAllText(Path.Combine(directory, "cli.tfrc"), $$"""
            provider_installation {
              filesystem_mirror {
                path    = "{{Mirror}}"
                include = ["registry.terraform.io/hashicorp/aws"]
              }
              direct {
                exclude = ["registry.terraform.io/hashicorp/aws"]
              }
            }
            """);
        return directory;
    }

    public async Task<Result> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("terraform") { WorkingDirectory = directory };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["TF_CLI_CONFIG_FILE"] = Path.Combine(directory, "cli.tfrc");
        info.Environment["TF_IN_AUTOMATION"] = "1";
        info.Environment["CHECKPOINT_DISABLE"] = "1";
        info.Environment["AWS_MAX_ATTEMPTS"] = "1";
        foreach (var (name, value) in variables) info.Environment[$"TF_VAR_{name}"] = value;
        var result = await ChildProcess.RunAsync(info, "These tests run terraform (1.11 with hashicorp/aws 5.100.0 in a local mirror): see the README.");
        return new Result(result.ExitCode, result.Stdout + result.Stderr);
    }
}
