using System.Collections.Concurrent;
using LocalVpc.Analysis;
using LocalVpc.Analysis.Rules;
using LocalVpc.Network.Forwarding;
using LocalVpc.Storage;

namespace LocalVpc.Network.Health;

/// <summary>
/// The network load balancers' health checks, for real: every target of a group a listener forwards to gets a TCP
/// connection to its health-check port on the group's interval, dialled as its traffic is (the instance's port tag, or
/// the loopback ip target), and turns healthy or unhealthy after the group's thresholds. What it finds is kept in memory
/// only: health is observed, not state, and a restart starts every target at <c>initial</c> again, as a new NLB would.
/// </summary>
public sealed class TargetHealthMonitor(PublishedState published, Dialer dialer, ILogger logger) : ITargetHealth, IAsyncDisposable
{
    /// <summary>How often the monitor looks for checks that are due.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<TargetKey, Observation> _observed = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    private readonly record struct TargetKey(string Group, string Target, int Port);

    /// <summary>What the checks found so far; <paramref name="InFlight"/> while one runs.</summary>
    private sealed record Observation(TargetHealthState State, int Successes, int Failures, DateTimeOffset NextDue, bool InFlight);

    public TargetHealthState Of(string targetGroupArn, LoadBalancerTarget target) =>
        _observed.TryGetValue(new TargetKey(targetGroupArn, target.Id, target.Port), out var seen) ? seen.State : TargetHealthState.Initial;

    public void Start() => _loop = RunAsync(_stopping.Token);

    private async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Tick, published.Time);
        try
        {
            do StartDueChecks(stopping);
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Starts every check that is due, and forgets targets no listener forwards to any more.</summary>
    private void StartDueChecks(CancellationToken stopping)
    {
        var now = published.Time.GetUtcNow();
        var current = new HashSet<TargetKey>();
        foreach (var region in published.Regions)
            foreach (var provider in region.Accounts.Values)
                foreach (var group in provider.TargetGroups.Values.Where(g => g.Health.Enabled && provider.Listeners.Values.Any(l => l.TargetGroupArn == g.Arn)))
                    foreach (var target in group.Targets)
                    {
                        var key = new TargetKey(group.Arn, target.Id, target.Port);
                        current.Add(key);
                        var seen = _observed.GetOrAdd(key, _ => new Observation(TargetHealthState.Initial, 0, 0, now, InFlight: false));
                        if (seen.InFlight || seen.NextDue > now || !_observed.TryUpdate(key, seen with { InFlight = true }, seen)) continue;
                        _ = CheckAsync(region, provider, group, target, key, stopping);
                    }
        foreach (var gone in _observed.Keys.Where(k => !current.Contains(k))) _observed.TryRemove(gone, out _);
    }

    private async Task CheckAsync(RegionSnapshot region, AccountState provider, TargetGroup group, LoadBalancerTarget target, TargetKey key,
        CancellationToken stopping)
    {
        var health = group.Health;
        var port = health.PortFor(target);
        bool passed;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping))
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(health.TimeoutSeconds));
            try
            {
                var outcome = await dialer.DialAsync(region, LoadBalancerRule.TerminusOf(provider, group, target, port), port, timeout.Token).ConfigureAwait(false);
                passed = outcome is Dialed;
                if (outcome is Dialed dialed) dialed.Upstream.Close(abort: false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException)
            {
                // A check that times out or fails to connect is a failed check, never a stuck one.
                passed = false;
            }
        }
        var next = published.Time.GetUtcNow() + TimeSpan.FromSeconds(health.IntervalSeconds);
        var before = Of(group.Arn, target);
        var after = _observed.AddOrUpdate(key, _ => Judge(new Observation(TargetHealthState.Initial, 0, 0, next, false), passed, health, next),
            (_, seen) => Judge(seen, passed, health, next)).State;
        if (after != before) NetworkLog.HealthChanged(logger, target.Id, port, group.Name, after);
    }

    /// <summary>A result counted against the thresholds: so many in a row turn a target healthy, or unhealthy.</summary>
    private static Observation Judge(Observation seen, bool passed, HealthCheck health, DateTimeOffset next)
    {
        var successes = passed ? seen.Successes + 1 : 0;
        var failures = passed ? 0 : seen.Failures + 1;
        var state = passed && successes >= health.HealthyThreshold ? TargetHealthState.Healthy
            : !passed && failures >= health.UnhealthyThreshold ? TargetHealthState.Unhealthy
            : seen.State;
        return new Observation(state, successes, failures, next, InFlight: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }
}
