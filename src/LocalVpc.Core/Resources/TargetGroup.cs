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
    ImmutableSortedDictionary<string, string>? Attributes = null) : Resource(Id)
{
    public string Arn => Id;
}
