using System.Globalization;

namespace LocalVpc.Bench;

/// <summary>
/// How busy the machine was over a run, from <c>/proc/stat</c>: on two cores the load client, the peers and anything
/// else running share the same CPUs, so every report says it beside its figures.
/// </summary>
internal sealed class MachineLoad
{
    private readonly (long Busy, long Total)? _start = Read();

    public static MachineLoad Start() => new();

    /// <summary>The share of the CPUs busy since <see cref="Start"/>, and the load average now.</summary>
    public override string ToString()
    {
        if (_start is not var (busy, total) || Read() is not var (busyNow, totalNow) || totalNow == total) return "machine load not measured";
        var average = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        return string.Create(CultureInfo.InvariantCulture,
            $"the CPUs {100.0 * (busyNow - busy) / (totalNow - total):0}% busy over the run, load average {average} at its end");
    }

    /// <summary>Jiffies busy and in all, over every CPU: the first line of /proc/stat (user nice system idle iowait irq softirq steal …).</summary>
    private static (long Busy, long Total)? Read()
    {
        if (!File.Exists("/proc/stat")) return null;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..9]
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        return (total - fields[3] - fields[4], total);
    }
}
