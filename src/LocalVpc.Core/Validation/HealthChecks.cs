namespace LocalVpc.Core.Validation;

/// <summary>The health check a request sets, checked against the ranges a network load balancer allows.</summary>
public sealed record HealthCheckSpec(bool? Enabled, int? IntervalSeconds, int? TimeoutSeconds, int? HealthyThreshold, int? UnhealthyThreshold,
    string? Port, string? Protocol)
{
    public AwsError? Apply(HealthCheck current, out HealthCheck result)
    {
        result = current;
        if (Protocol is not (null or "TCP"))
            return ElbErrors.Validation($"LocalVpc checks health over TCP; health check protocol '{Protocol}' is not served.");
        if (IntervalSeconds is < 5 or > 300) return ElbErrors.Validation("Health check interval must be between 5 and 300 seconds");
        if (TimeoutSeconds is < 2 or > 120) return ElbErrors.Validation("Health check timeout must be between 2 and 120 seconds");
        if (HealthyThreshold is < 2 or > 10) return ElbErrors.Validation("Healthy threshold count must be between 2 and 10");
        if (UnhealthyThreshold is < 2 or > 10) return ElbErrors.Validation("Unhealthy threshold count must be between 2 and 10");
        if (Port is not null && Port != HealthCheck.TrafficPort && !(int.TryParse(Port, out var port) && port is >= 1 and <= 65535))
            return ElbErrors.Validation($"Health check port '{Port}' must be 'traffic-port' or between 1 and 65535");
        result = current with
        {
            Enabled = Enabled ?? current.Enabled,
            IntervalSeconds = IntervalSeconds ?? current.IntervalSeconds,
            TimeoutSeconds = TimeoutSeconds ?? current.TimeoutSeconds,
            HealthyThreshold = HealthyThreshold ?? current.HealthyThreshold,
            UnhealthyThreshold = UnhealthyThreshold ?? current.UnhealthyThreshold,
            Port = Port ?? current.Port,
        };
        return null;
    }
}
