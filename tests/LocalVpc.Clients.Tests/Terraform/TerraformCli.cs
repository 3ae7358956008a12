using System.Diagnostics;
using System.Text;

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

    public Task<Result> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("terraform")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["TF_CLI_CONFIG_FILE"] = Path.Combine(directory, "cli.tfrc");
        info.Environment["TF_IN_AUTOMATION"] = "1";
        info.Environment["CHECKPOINT_DISABLE"] = "1";
        info.Environment["AWS_MAX_ATTEMPTS"] = "1";
        foreach (var (name, value) in variables) info.Environment[$"TF_VAR_{name}"] = value;
        return RunAsync(info);
    }

    private static async Task<Result> RunAsync(ProcessStartInfo info)
    {
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("These tests run terraform (1.11 with hashicorp/aws 5.100.0 in a local mirror): see the README.", e);
        }
        using (process)
        {
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            // Bounded: a Terraform run that has not finished by then is stuck (waiting on a resource that never settles).
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"terraform {string.Join(' ', info.ArgumentList)} did not finish:\n{output}");
            }
            process.WaitForExit();
            lock (output) return new Result(process.ExitCode, output.ToString());
        }
    }
}
