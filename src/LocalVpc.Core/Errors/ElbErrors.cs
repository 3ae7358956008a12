namespace LocalVpc.Core.Errors;

/// <summary>
/// Elastic Load Balancing v2's errors, one factory per code as botocore's elbv2 model names them (every one
/// HTTP 400, sender fault).
/// </summary>
public static class ElbErrors
{
    public static AwsError Validation(string message) => new("ValidationError", message);
    public static AwsError LoadBalancerNotFound(string? arn = null) =>
        new("LoadBalancerNotFound", arn is null ? "One or more load balancers not found" : $"Load balancer '{arn}' not found");
    public static AwsError TargetGroupNotFound(string? arn = null) =>
        new("TargetGroupNotFound", arn is null ? "One or more target groups not found" : $"Target groups '{arn}' not found");
    public static AwsError ListenerNotFound(string? arn = null) =>
        new("ListenerNotFound", arn is null ? "One or more listeners not found" : $"Listener '{arn}' not found");
    /// <summary>The not-found error for whatever kind of resource the ARN names.</summary>
    public static AwsError NotFound(string arn) => ElbArn.KindOf(arn) switch
    {
        ElbArn.TargetGroup => TargetGroupNotFound(arn),
        ElbArn.Listener => ListenerNotFound(arn),
        _ => LoadBalancerNotFound(arn),
    };
    public static AwsError DuplicateLoadBalancerName(string name) =>
        new("DuplicateLoadBalancerName", $"A load balancer with the name '{name}' already exists");
    public static AwsError DuplicateTargetGroupName(string name) =>
        new("DuplicateTargetGroupName", $"A target group with the same name '{name}' exists, but with different settings");
    public static AwsError DuplicateListener(int port) =>
        new("DuplicateListener", $"A listener already exists on this port ({port}) of the load balancer");
    public static AwsError SubnetNotFound(string id) => new("SubnetNotFound", $"The subnet ID '{id}' is not valid");
    public static AwsError InvalidSubnet(string message) => new("InvalidSubnet", message);
    public static AwsError InvalidSecurityGroup(string id) => new("InvalidSecurityGroup", $"One or more security groups are invalid: {id}");
    public static AwsError InvalidTarget(string message) => new("InvalidTarget", message);
    public static AwsError ResourceInUse(string message) => new("ResourceInUse", message);
    public static AwsError InvalidConfigurationRequest(string message) => new("InvalidConfigurationRequest", message);
    public static AwsError UnsupportedProtocol(string protocol) => new("UnsupportedProtocol", $"Protocol '{protocol}' is not supported");
}
