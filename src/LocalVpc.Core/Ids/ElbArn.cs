namespace LocalVpc.Core.Ids;

/// <summary>
/// Elastic Load Balancing ARNs (https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/load-balancer-authentication-access-control.html):
/// <c>arn:aws:elasticloadbalancing:{region}:{account}:loadbalancer/net/{name}/{16 hex}</c>, <c>targetgroup/{name}/{16 hex}</c>,
/// <c>listener/net/{name}/{lb hex}/{16 hex}</c>.
/// </summary>
public static class ElbArn
{
    public const string LoadBalancer = "loadbalancer";
    public const string TargetGroup = "targetgroup";
    public const string Listener = "listener";

    public static string ForLoadBalancer(Scope scope, string name, string hex) =>
        $"arn:aws:elasticloadbalancing:{scope.Region}:{scope.Account}:loadbalancer/net/{name}/{hex}";

    public static string ForTargetGroup(Scope scope, string name, string hex) =>
        $"arn:aws:elasticloadbalancing:{scope.Region}:{scope.Account}:targetgroup/{name}/{hex}";

    public static string ForListener(string loadBalancerArn, string hex) =>
        loadBalancerArn.Replace(":loadbalancer/", ":listener/") + "/" + hex;

    /// <summary>loadbalancer, targetgroup or listener for an Elastic Load Balancing ARN; null for anything else.</summary>
    public static string? KindOf(string id)
    {
        var parts = id.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "elasticloadbalancing") return null;
        var kind = parts[5].Split('/')[0];
        return kind is LoadBalancer or TargetGroup or Listener ? kind : null;
    }

    /// <summary>The last part of an ARN, 16 hex digits made from a new id.</summary>
    public static string NewHex(IIdSource ids) => ids.Next("elb")[^16..];
}
