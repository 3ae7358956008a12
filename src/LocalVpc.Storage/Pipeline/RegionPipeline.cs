namespace LocalVpc.Storage;

/// <summary>
/// One region's write path, for every account in it. Commands decide against the newest (possibly not yet durable)
/// snapshot, so writes pipeline into the log's group commit; readers only ever see snapshots whose events are on disk.
/// </summary>
internal sealed class RegionPipeline(RegionSnapshot durable, IEventLog log, PipelineOptions options, PublishedState published)
{
    private readonly Lock _gate = new();
    private readonly int _resets = published.Resets;
    private readonly Dictionary<string, int> _eventsSinceSnapshot = [];
    private RegionSnapshot _pending = durable;
    private Task _lastAppend = Task.CompletedTask;
    private bool _retired;

    /// <summary>
    /// Decides <paramref name="command"/> in <paramref name="scope"/>'s account; unless <paramref name="decideOnly"/>,
    /// writes what it decided and publishes the region once that is on disk. Null once the pipeline is retired: the
    /// caller runs the command on the region's new pipeline.
    /// </summary>
    public Task<Outcome<T>>? TryExecuteAsync<T>(Scope scope, ICommand<T> command, CommandContext context, bool decideOnly)
    {
        // 1. Decide and apply under the lock, and queue the append in the same order as the decisions.
        Task append;
        RegionSnapshot after;
        Decision<T> decision;
        lock (_gate)
        {
            if (_retired) return null;
            decision = command.Decide(_pending.Account(scope.Account), context with { Region = _pending });
            if (decision.Failed || decideOnly) return Task.FromResult(new Outcome<T>(decision.Error, decision.Value, null));
            if (decision.ChangesNothing)
            {
                // Nothing to write, but the answer may rest on writes still on their way to disk.
                (append, after) = (_lastAppend, _pending);
            }
            else
            {
                AccountEvents[] changes = [new(scope.Account, decision.Events), .. decision.Elsewhere.IsDefault ? [] : decision.Elsewhere];
                after = _pending.Apply(changes);
                _pending = after;
                append = log.AppendAsync([.. changes.Where(c => !c.Events.IsEmpty).Select(c => Logged(after, c))]);
                _lastAppend = append;
            }
        }
        // 2. Wait for the disk outside the lock, so later commands can join the same group commit.
        return FinishAsync(append, after, scope, decision.Value);
    }

    /// <summary>
    /// Takes no more commands (a reset): every command decided here queued its append before this returns, so it lands
    /// before the reset's clear in the log.
    /// </summary>
    public void Retire()
    {
        lock (_gate) _retired = true;
    }

    private async Task<Outcome<T>> FinishAsync<T>(Task append, RegionSnapshot after, Scope scope, T? value)
    {
        try
        {
            await append.ConfigureAwait(false);
        }
        catch
        {
            // The log refused the write: forget every decision not yet durable, and let the caller fail.
            lock (_gate) _pending = published.Region(after.Region);
            throw;
        }
        // 3. Publish. Appends complete in order, but their continuations may not: the newer version wins.
        published.Publish(after, _resets);
        return new Outcome<T>(null, value, after.Account(scope.Account), after);
    }

    /// <summary>One account's share of the record, with its snapshot when that account is due one.</summary>
    private AccountChange Logged(RegionSnapshot after, AccountEvents change)
    {
        var since = _eventsSinceSnapshot.GetValueOrDefault(change.Account) + change.Events.Length;
        var state = after.Account(change.Account);
        // A snapshot writes the whole account: in a large one, taking it every SnapshotEvery events would cost every write
        // in proportion to the account's size. Spaced by an eighth of the size, it costs each write a constant, and a
        // restart replays at most an eighth of the account's size in events after it.
        var snapshot = since >= Math.Max(options.SnapshotEvery, state.ResourceCount / 8) ? state : null;
        _eventsSinceSnapshot[change.Account] = snapshot is null ? since : 0;
        return new AccountChange(new Scope(change.Account, after.Region), change.Events, snapshot);
    }
}
