namespace LocalVpc.Storage;

/// <summary>
/// The newest durable state of every region, each swapped whole after a commit (as YARP swaps its cluster model):
/// what readers take. Nothing here can change the state; the <see cref="CommandPipeline"/> publishes into it.
/// </summary>
public sealed class PublishedState(TimeProvider time)
{
    // Swapped whole under the lock and read with Volatile.Read: a reader sees a whole snapshot or the one before.
    private ImmutableDictionary<string, RegionSnapshot> _regions = ImmutableDictionary<string, RegionSnapshot>.Empty;
    private readonly Lock _gate = new();
    private int _resets;

    /// <summary>The clock commands see; readers use it for what depends on time (an endpoint's transition, how long terminated instances stay listed).</summary>
    public TimeProvider Time => time;

    /// <summary>Raised after a change is durable and published, and after a reset: watchers take the state again.</summary>
    public event Action? Changed;

    /// <summary>Every region that has state.</summary>
    public IEnumerable<RegionSnapshot> Regions => Volatile.Read(ref _regions).Values;

    /// <summary>The region's newest durable snapshot (empty when nobody used it yet).</summary>
    public RegionSnapshot Region(string region) => Volatile.Read(ref _regions).GetValueOrDefault(region) ?? RegionSnapshot.Empty(region);

    /// <summary>How many resets came before: a region's pipeline publishes only while none came after it was made.</summary>
    internal int Resets => Volatile.Read(ref _resets);

    /// <summary>
    /// Publishes <paramref name="snapshot"/> unless a newer one is, or a reset came after <paramref name="resets"/>: a
    /// write that finishes after a reset belongs to the state the reset forgot.
    /// </summary>
    internal void Publish(RegionSnapshot snapshot, int resets)
    {
        lock (_gate)
        {
            if (resets != _resets) return;
            if (_regions.TryGetValue(snapshot.Region, out var current) && current.Version >= snapshot.Version) return;
            Volatile.Write(ref _regions, _regions.SetItem(snapshot.Region, snapshot));
        }
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _resets++;
            Volatile.Write(ref _regions, ImmutableDictionary<string, RegionSnapshot>.Empty);
        }
    }

    internal void Signal() => Changed?.Invoke();
}
