namespace LocalVpc.Storage;

/// <summary>
/// One region's write path. Commands decide against the newest (possibly not yet durable) state, so writes
/// pipeline into the log's group commit; readers only ever see states whose events are on disk.
/// </summary>
internal sealed class RegionLedger(Scope scope, RegionState durable, IEventLog log, LedgerOptions options)
{
    private readonly Lock _gate = new();
    private RegionState _pending = durable;
    private volatile RegionState _published = durable;
    private long _decidedSeq;
    private long _publishedSeq;
    private int _eventsSinceSnapshot;
    private Task _lastAppend = Task.CompletedTask;

    /// <summary>The newest durable state.</summary>
    public RegionState Published => _published;

    /// <summary>Decides without committing: what DryRun needs.</summary>
    public Decision<T> Try<T>(ICommand<T> command, CommandContext context)
    {
        lock (_gate) return command.Decide(_pending, context);
    }

    public Task<Outcome<T>> ExecuteAsync<T>(ICommand<T> command, CommandContext context)
    {
        // 1. Decide and apply under the lock, and queue the append in the same order as the decisions.
        Task append;
        RegionState after;
        long seq;
        lock (_gate)
        {
            var decision = command.Decide(_pending, context);
            if (decision.Failed) return Task.FromResult(new Outcome<T>(decision.Error, default, null));
            if (decision.Events.IsEmpty)
            {
                // Nothing to write, but the answer may rest on writes still on their way to disk.
                (append, after, seq) = (_lastAppend, _pending, _decidedSeq);
            }
            else
            {
                after = _pending.Apply(decision.Events);
                _pending = after;
                seq = ++_decidedSeq;
                _eventsSinceSnapshot += decision.Events.Length;
                var snapshot = _eventsSinceSnapshot >= options.SnapshotEvery ? after : null;
                if (snapshot is not null) _eventsSinceSnapshot = 0;
                append = log.AppendAsync(scope, decision.Events, snapshot);
                _lastAppend = append;
            }
            // 2. Wait for the disk outside the lock, so later commands can join the same group commit.
            return Finish(append, after, seq, decision.Value);
        }
    }

    private async Task<Outcome<T>> Finish<T>(Task append, RegionState after, long seq, T? value)
    {
        try
        {
            await append.ConfigureAwait(false);
        }
        catch
        {
            // The log refused the write: forget every decision not yet durable, and let the caller fail.
            lock (_gate)
            {
                _pending = _published;
                _decidedSeq = _publishedSeq;
            }
            throw;
        }
        // 3. Publish. Appends complete in order, but their continuations may not run in order.
        lock (_gate)
        {
            if (seq > _publishedSeq)
            {
                _published = after;
                _publishedSeq = seq;
            }
        }
        return new Outcome<T>(null, value, after);
    }
}
