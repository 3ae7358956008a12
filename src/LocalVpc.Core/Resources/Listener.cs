namespace LocalVpc.Core.Resources;

/// <summary>A listener, keyed by its ARN: a protocol and port on a load balancer, forwarding to one target group.</summary>
public sealed record Listener(string Id, string LoadBalancerArn, string Protocol, int Port, string TargetGroupArn,
    ImmutableSortedDictionary<string, string>? Attributes = null) : Resource(Id)
{
    public string Arn => Id;
}
