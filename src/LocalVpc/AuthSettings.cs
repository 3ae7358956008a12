using System.Net;
using LocalVpc.Ec2Api.Protocol.SigV4;

namespace LocalVpc;

/// <summary>What <c>--auth</c>, <c>--credentials</c>, <c>--host</c> and <c>--insecure</c> say together about who may call.</summary>
internal static class AuthSettings
{
    /// <summary>
    /// The keys to verify (null: <c>--auth any</c>), or why the combination is refused. Unverified requests act as any
    /// account they name, so <c>--auth any</c> beyond loopback needs the user to say <c>--insecure</c>.
    /// </summary>
    public static (SigningKeys? Keys, string? Error) Read(string auth, string? credentialsFile, string host, bool insecure, string defaultAccount)
    {
        if (auth == "any")
        {
            if (credentialsFile is not null) return (null, "--credentials needs --auth sigv4: --auth any does not check signatures.");
            return IsLoopback(host) || insecure
                ? (null, null)
                : (null, $"--host {host} is reachable from other machines, and --auth any lets anyone there act as any account " +
                         "(signatures are not checked). Use --auth sigv4 --credentials FILE, or say --insecure if that is what you want.");
        }
        var path = credentialsFile ?? Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "credentials");
        return SigningKeys.Load(path, defaultAccount);
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
