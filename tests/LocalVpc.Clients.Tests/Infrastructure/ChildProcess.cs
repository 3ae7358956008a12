using System.Diagnostics;

namespace LocalVpc.Clients.Tests.Infrastructure;

/// <summary>Runs a tool the tests drive (aws, terraform, dig) to its end; a missing tool fails with how to get it.</summary>
public static class ChildProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <param name="missing">What to tell the user when the tool is not installed.</param>
    /// <param name="timeout">Bounded: a run still going after this long is stuck, and is killed. Defaults to 10 minutes.</param>
    public static async Task<Result> RunAsync(ProcessStartInfo info, string missing, TimeSpan? timeout = null)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(missing, e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(10));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not finish:\n{await stdout}\n{await stderr}");
            }
            return new Result(process.ExitCode, await stdout, await stderr);
        }
    }
}
