namespace LocalVpc.Core.Resources;

/// <summary>A target group, keyed by its ARN: where a listener forwards, and the targets registered in it.</summary>
public sealed record TargetGroup(
    string Id,
    string Name,
    string Protocol,
    int Port,
    string VpcId,
    string TargetType,
    ImmutableArray<LoadBalancerTarget> Targets,
    ImmutableSortedDictionary<string, string>? Attributes = null,
    HealthCheck? HealthCheck = null) : Resource(Id)
{
    /// <summary>The group's health check; AWS's defaults for a group written before it had one.</summary>
    public HealthCheck Health => HealthCheck ?? Resources.HealthCheck.Default;

    public string Arn => Id;
}
