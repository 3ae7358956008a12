namespace LocalVpc.Storage;

/// <summary>How the pipeline sets up accounts and how often it snapshots them.</summary>
public sealed record PipelineOptions
{
    /// <summary>Whether an account gets AWS's default VPC in a region on first use. Defaults to true.</summary>
    public bool CreateDefaultVpc { get; init; } = true;

    /// <summary>
    /// Events per account and region between snapshots, at least; an account of more than eight times as many resources
    /// is snapshotted every eighth of its size instead. A restart replays at most that many. Defaults to 1,000.
    /// </summary>
    public int SnapshotEvery { get; init; } = 1000;
}
