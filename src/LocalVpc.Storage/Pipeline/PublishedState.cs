namespace LocalVpc.Storage;

/// <summary>
/// The newest durable state of every region, each swapped whole after a commit (as YARP swaps its cluster model):
/// what readers take. Nothing here can change the state; the <see cref="CommandPipeline"/> publishes into it.
/// </summary>
public sealed class PublishedState(TimeProvider time)
{
    // Swapped with Interlocked (ImmutableInterlocked) and read with Volatile.Read: a reader sees a whole snapshot or the one before.
    private ImmutableDictionary<string, RegionSnapshot> _regions = ImmutableDictionary<string, RegionSnapshot>.Empty;

    /// <summary>The clock commands see; readers use it for what depends on time (an endpoint's transition, how long terminated instances stay listed).</summary>
    public TimeProvider Time => time;

    /// <summary>Raised after a change is durable and published, and after a reset: watchers take the state again.</summary>
    public event Action? Changed;

    /// <summary>Every region that has state.</summary>
    public IEnumerable<RegionSnapshot> Regions => Volatile.Read(ref _regions).Values;

    /// <summary>The region's newest durable snapshot (empty when nobody used it yet).</summary>
    public RegionSnapshot Region(string region) => Volatile.Read(ref _regions).GetValueOrDefault(region) ?? RegionSnapshot.Empty(region);

    internal void Publish(RegionSnapshot snapshot)
    {
        ImmutableInterlocked.Update(ref _regions, (all, s) =>
            all.TryGetValue(s.Region, out var current) && current.Version >= s.Version ? all : all.SetItem(s.Region, s), snapshot);
    }

    internal void Clear() => Volatile.Write(ref _regions, ImmutableDictionary<string, RegionSnapshot>.Empty);

    internal void Signal() => Changed?.Invoke();
}
