using System.Collections.Concurrent;

namespace LocalVpc.Storage;

/// <summary>
/// The only way to change the state: a command is decided in Core against its region's snapshot, written to the
/// event log, and then published whole in <see cref="Published"/>. Writers serialise per region.
/// </summary>
public sealed class CommandPipeline
{
    private readonly IEventLog _log;
    private readonly CommandContext _context;
    private readonly PipelineOptions _options;
    private readonly Lock _resetGate = new();
    private ConcurrentDictionary<string, RegionPipeline> _regions;

    private CommandPipeline(IEventLog log, CommandContext context, PipelineOptions options, IEnumerable<AccountState> loaded)
    {
        _log = log;
        _context = context;
        _options = options;
        Published = new PublishedState(context.Time);
        _regions = new(StringComparer.Ordinal);
        foreach (var region in loaded.GroupBy(s => s.Scope.Region))
        {
            var snapshot = region.Aggregate(RegionSnapshot.Empty(region.Key), (r, account) => r.With(account)) with { Version = 1 };
            _regions[region.Key] = new RegionPipeline(snapshot, log, options, Published);
            Published.Publish(snapshot, Published.Resets);
        }
    }

    /// <summary>Opens the pipeline over a log, replaying what it holds.</summary>
    public static async Task<CommandPipeline> OpenAsync(IEventLog log, CommandContext context, PipelineOptions options,
        CancellationToken cancellationToken = default) =>
        new(log, context, options, await log.LoadAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>What readers take: every region's newest durable snapshot.</summary>
    public PublishedState Published { get; }

    /// <summary>The clock commands see.</summary>
    public TimeProvider Time => _context.Time;

    /// <summary>The account's newest durable state, set up as a new account's region is on first use.</summary>
    public async ValueTask<AccountState> ReadAsync(Scope scope) => (await ReadRegionAsync(scope).ConfigureAwait(false)).Account(scope.Account);

    /// <summary>The region's newest durable snapshot, with <paramref name="scope"/>'s account set up on first use.</summary>
    public async ValueTask<RegionSnapshot> ReadRegionAsync(Scope scope)
    {
        await InitializedAsync(scope).ConfigureAwait(false);
        return Published.Region(scope.Region);
    }

    /// <summary>
    /// Runs a command in <paramref name="scope"/>'s account: its error, or its value once its events are on disk. With
    /// <paramref name="dryRun"/> it only decides: the command's own error if it has one, else DryRunOperation, and
    /// nothing changes (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/CommonParameters.html).
    /// </summary>
    public async Task<Outcome<T>> ExecuteAsync<T>(Scope scope, ICommand<T> command, bool dryRun = false)
    {
        var outcome = await RunAsync(scope, command, decideOnly: dryRun).ConfigureAwait(false);
        if (dryRun) return new Outcome<T>(outcome.Error ?? Ec2Errors.DryRunOperation(), default, null);
        if (!outcome.Failed) Published.Signal();
        return outcome;
    }

    /// <summary>
    /// Forgets every account and region, on disk and in memory. The region pipelines are retired and the clear queued
    /// under one lock: every write decided before it is in the log before the clear, every one after it behind.
    /// </summary>
    public async Task ResetAsync()
    {
        Task cleared;
        lock (_resetGate)
        {
            foreach (var region in _regions.Values) region.Retire();
            _regions = new(StringComparer.Ordinal);
            cleared = _log.ClearAsync();
            Published.Clear();
        }
        await cleared.ConfigureAwait(false);
        Published.Signal();
    }

    /// <summary>Runs a command on the region's pipeline, on the new one when a reset retired the one it found.</summary>
    private async Task<Outcome<T>> RunAsync<T>(Scope scope, ICommand<T> command, bool decideOnly)
    {
        while (true)
        {
            var region = await InitializedAsync(scope).ConfigureAwait(false);
            if (region.TryExecuteAsync(scope, command, _context, decideOnly) is { } running) return await running.ConfigureAwait(false);
        }
    }

    private async ValueTask<RegionPipeline> InitializedAsync(Scope scope)
    {
        while (true)
        {
            RegionPipeline region;
            lock (_resetGate)
                region = _regions.GetOrAdd(scope.Region, r => new RegionPipeline(RegionSnapshot.Empty(r), _log, _options, Published));
            if (Published.Region(scope.Region).Account(scope.Account).Initialized) return region;
            if (region.TryExecuteAsync(scope, new InitializeRegion(_options.CreateDefaultVpc), _context, decideOnly: false) is not { } initializing)
                continue; // retired by a reset meanwhile
            await initializing.ConfigureAwait(false);
            Published.Signal();
            return region;
        }
    }
}
