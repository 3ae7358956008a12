namespace LocalVpc.Core.Resources;

/// <summary>
/// How a network load balancer checks a target group's targets: a TCP connection to the traffic port (or another one)
/// every interval, healthy after so many successes in a row, unhealthy after so many failures. Defaults are AWS's for
/// TCP target groups (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html).
/// </summary>
/// <param name="Port"><c>traffic-port</c>, or a port number as text.</param>
public sealed record HealthCheck(bool Enabled = true, int IntervalSeconds = 30, int TimeoutSeconds = 10, int HealthyThreshold = 5,
    int UnhealthyThreshold = 2, string Port = HealthCheck.TrafficPort)
{
    public const string TrafficPort = "traffic-port";

    public static HealthCheck Default { get; } = new();

    /// <summary>The port checked for a target.</summary>
    public int PortFor(LoadBalancerTarget target) => Port == TrafficPort ? target.Port : int.Parse(Port, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the health checks found of a target so far.</summary>
public enum TargetHealthState
{
    /// <summary>Registered, not yet checked enough times to say.</summary>
    Initial,
    Healthy,
    Unhealthy,
}

/// <summary>Where the analyser and the API read targets' health: the data plane's checks, or an assumption when none run.</summary>
public interface ITargetHealth
{
    TargetHealthState Of(string targetGroupArn, LoadBalancerTarget target);
}

/// <summary>No checks run (the analyser's tests, the API alone): every target counts as healthy.</summary>
public sealed class AssumedHealthy : ITargetHealth
{
    public static AssumedHealthy Instance { get; } = new();

    public TargetHealthState Of(string targetGroupArn, LoadBalancerTarget target) => TargetHealthState.Healthy;
}
