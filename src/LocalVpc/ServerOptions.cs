namespace LocalVpc;

/// <summary>What <c>localvpc up</c> was told.</summary>
internal sealed record ServerOptions(string Host, int Port, string DataDirectory, string Account, bool DefaultVpc, int SnapshotEvery,
    TimeSpan EndpointDelay, Network.DataPlaneOptions DataPlane, bool Recover = false, IReadOnlyList<string>? AllowedHosts = null,
    Ec2Api.Protocol.SigV4.SigningKeys? VerifiedKeys = null, Core.Quotas.ServiceQuotas? Quotas = null,
    Microsoft.Extensions.Logging.LogLevel LogLevel = Microsoft.Extensions.Logging.LogLevel.Information)
{
    public const int DefaultPort = 4580;

    /// <summary>Defaults to ~/.localvpc.</summary>
    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".localvpc");

    public string StatePath => Path.Combine(DataDirectory, "state.db");

    public string Url => $"http://{(Host.Contains(':') ? $"[{Host}]" : Host)}:{Port}";
}
