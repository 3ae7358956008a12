namespace LocalVpc.Storage;

/// <summary>How the ledger sets up regions and how often it snapshots them.</summary>
public sealed record LedgerOptions
{
    /// <summary>Whether a region gets AWS's default VPC on first use. Defaults to true.</summary>
    public bool CreateDefaultVpc { get; init; } = true;

    /// <summary>Events per region between snapshots; a restart replays at most this many. Defaults to 1,000.</summary>
    public int SnapshotEvery { get; init; } = 1000;
}
