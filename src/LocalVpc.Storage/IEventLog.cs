namespace LocalVpc.Storage;

/// <summary>
/// The durable, append-only log of every region's events, with snapshots. Appends are applied in the
/// order they are called and each completes only once it is on disk.
/// </summary>
public interface IEventLog : IAsyncDisposable
{
    /// <summary>Every region's state as the log rebuilds it: the newest snapshot, then the events after it.</summary>
    Task<IReadOnlyList<RegionState>> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends one command's events as one atomic record. When <paramref name="snapshot"/> is given (the
    /// region's state after these events) it is stored in the same transaction.
    /// </summary>
    Task AppendAsync(Scope scope, ImmutableArray<Event> events, RegionState? snapshot);

    /// <summary>Forgets everything, after every append called before it.</summary>
    Task ClearAsync();
}
