using System.Collections.Concurrent;

namespace LocalVpc.Storage;

/// <summary>
/// The state of every account and region, and the only way to change it: commands are decided in Core,
/// written to the event log, and then published as a new immutable state.
/// </summary>
public sealed class Ledger
{
    private readonly IEventLog _log;
    private readonly CommandContext _context;
    private readonly LedgerOptions _options;
    private readonly Lock _resetGate = new();
    private ConcurrentDictionary<Scope, RegionLedger> _regions;

    private Ledger(IEventLog log, CommandContext context, LedgerOptions options, IEnumerable<RegionState> loaded)
    {
        _log = log;
        _context = context;
        _options = options;
        _regions = new(loaded.Select(s => KeyValuePair.Create(s.Scope, new RegionLedger(s.Scope, s, log, options))));
    }

    /// <summary>Opens the ledger over a log, replaying what it holds.</summary>
    public static async Task<Ledger> OpenAsync(IEventLog log, CommandContext context, LedgerOptions options,
        CancellationToken cancellationToken = default) =>
        new(log, context, options, await log.LoadAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>The clock commands see; readers use it for what depends on time (how long terminated instances stay listed).</summary>
    public TimeProvider Time => _context.Time;

    /// <summary>Raised after a command's events are durable and published, and after a reset: watchers re-read the state.</summary>
    public event Action? Changed;

    /// <summary>Every region that has state.</summary>
    public IEnumerable<RegionState> Regions => _regions.Values.Select(r => r.Published);

    /// <summary>Every account's state in one region: what cross-account questions (endpoint services, their providers) read.</summary>
    public IEnumerable<RegionState> AccountsIn(string region) => Regions.Where(r => r.Scope.Region == region);

    /// <summary>The region's newest durable state, set up as a new account's region on first use.</summary>
    public async ValueTask<RegionState> ReadAsync(Scope scope)
    {
        var region = await InitializedAsync(scope).ConfigureAwait(false);
        return region.Published;
    }

    /// <summary>Runs a command: its error, or its value once its events are on disk.</summary>
    public async Task<Outcome<T>> ExecuteAsync<T>(Scope scope, ICommand<T> command)
    {
        var region = await InitializedAsync(scope).ConfigureAwait(false);
        var outcome = await region.ExecuteAsync(command, _context).ConfigureAwait(false);
        if (outcome.Error is null) Changed?.Invoke();
        return outcome;
    }

    /// <summary>What the command would decide now, without changing anything (DryRun).</summary>
    public async Task<Decision<T>> TryAsync<T>(Scope scope, ICommand<T> command)
    {
        var region = await InitializedAsync(scope).ConfigureAwait(false);
        return region.Try(command, _context);
    }

    /// <summary>Forgets every account and region, on disk and in memory.</summary>
    public async Task ResetAsync()
    {
        await _log.ClearAsync().ConfigureAwait(false);
        lock (_resetGate) _regions = new();
        Changed?.Invoke();
    }

    private async ValueTask<RegionLedger> InitializedAsync(Scope scope)
    {
        RegionLedger region;
        lock (_resetGate)
            region = _regions.GetOrAdd(scope, s => new RegionLedger(s, RegionState.Empty(s), _log, _options));
        if (!region.Published.Initialized)
        {
            await region.ExecuteAsync(new InitializeRegion(_options.CreateDefaultVpc), _context).ConfigureAwait(false);
            Changed?.Invoke();
        }
        return region;
    }
}
