namespace LocalVpc.Storage;

/// <summary>
/// The durable, append-only log of every account's events, with snapshots. Appends are applied in the order they
/// are called and each completes only once it is on disk.
/// </summary>
public interface IEventLog : IAsyncDisposable
{
    /// <summary>Every account's state as the log rebuilds it: its newest snapshot, then the events after it.</summary>
    Task<IReadOnlyList<AccountState>> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>Appends one command's events, in every account they touch, as one atomic record.</summary>
    Task AppendAsync(IReadOnlyList<AccountChange> changes);

    /// <summary>Forgets everything, after every append called before it.</summary>
    Task ClearAsync();
}
