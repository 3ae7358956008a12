namespace LocalVpc.Network;

/// <summary>How the data plane treats what the analyzer decides, and where AWS services are served.</summary>
public sealed record DataPlaneOptions
{
    /// <summary>The address every proxy and resolver listens on. Defaults to 127.0.0.1.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Where the CA lives (<c>DIR/ca/</c>). Defaults to the current directory.</summary>
    public string DataDirectory { get; init; } = ".";

    /// <summary>Whether a flow the analyzer lets out through an internet or NAT gateway really leaves the machine. Defaults to no.</summary>
    public bool InternetAllowed { get; init; }

    /// <summary>What a denied connection gets. Defaults to <see cref="DenyMode.Drop"/>, as AWS does.</summary>
    public DenyMode Deny { get; init; } = DenyMode.Drop;

    /// <summary>Resolvers refuse names they do not own instead of forwarding them to the host's resolver. Defaults to off.</summary>
    public bool Offline { get; init; }

    /// <summary>The stand-ins for AWS services, by short name (<c>kms</c>). Defaults to none.</summary>
    public ImmutableDictionary<string, ServiceUpstream> Services { get; init; } = ImmutableDictionary<string, ServiceUpstream>.Empty;

    /// <summary>
    /// How long a dropped connection is held before it is closed, when the client does not give up first. Defaults to
    /// 130 s: about as long as Linux retransmits a SYN that gets no answer.
    /// </summary>
    public TimeSpan DropHold { get; init; } = TimeSpan.FromSeconds(130);

    /// <summary>How long a proxy client may take to say what it wants. Defaults to 30 s.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often an open connection reports what it carried to the flow logs: AWS's shortest aggregation interval. Flow
    /// logs of 600 seconds gather ten of these into one record (<see cref="FlowLogs.AggregationWindows"/>).
    /// </summary>
    public TimeSpan AggregationTick { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The most an HTTP proxy request's head may take. Defaults to 16 KiB, a bound on what a client can make us hold.</summary>
    public int MaxHttpHead { get; init; } = 16 * 1024;

    /// <summary>
    /// Whether the data plane runs its own engine where the kernel offers it (Linux): proxies' connections on its threads,
    /// plain TCP carried with splice(2). Off, connections run on .NET's sockets and every byte goes through the
    /// process's buffers, as TLS does. Defaults to on.
    /// </summary>
    public bool Splice { get; init; } = true;

    /// <summary>How long connecting to an upstream may take. Defaults to 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>What a denied connection gets.</summary>
public enum DenyMode
{
    /// <summary>Nothing: the client waits, as it does when a security group drops its SYN.</summary>
    Drop,

    /// <summary>Refused at once (SOCKS5 "not allowed by ruleset", HTTP 403).</summary>
    Reject,
}
