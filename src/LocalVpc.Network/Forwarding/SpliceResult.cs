namespace LocalVpc.Network.Forwarding;

/// <summary>How a spliced connection ended, and which side ended it.</summary>
public enum SpliceResult
{
    /// <summary>Both sides closed their sending half: a clean end.</summary>
    Completed,

    /// <summary>Reading from or writing to the client failed (reset, aborted).</summary>
    ClientFailed,

    /// <summary>Reading from or writing to the destination failed.</summary>
    UpstreamFailed,

    /// <summary>The data plane was shutting down.</summary>
    Canceled,
}
