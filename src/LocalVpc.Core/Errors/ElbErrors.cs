namespace LocalVpc.Core.Errors;

/// <summary>
/// Elastic Load Balancing v2's errors, one factory per code as botocore's elbv2 model names them (every one
/// HTTP 400, sender fault).
/// </summary>
public static class ElbErrors
{
    public static Ec2Error Validation(string message) => new("ValidationError", message);
    public static Ec2Error LoadBalancerNotFound(string? arn = null) =>
        new("LoadBalancerNotFound", arn is null ? "One or more load balancers not found" : $"Load balancer '{arn}' not found");
    public static Ec2Error TargetGroupNotFound(string? arn = null) =>
        new("TargetGroupNotFound", arn is null ? "One or more target groups not found" : $"Target groups '{arn}' not found");
    public static Ec2Error ListenerNotFound(string? arn = null) =>
        new("ListenerNotFound", arn is null ? "One or more listeners not found" : $"Listener '{arn}' not found");
    /// <summary>The not-found error for whatever kind of resource the ARN names.</summary>
    public static Ec2Error NotFound(string arn) => ElbArn.KindOf(arn) switch
    {
        ElbArn.TargetGroup => TargetGroupNotFound(arn),
        ElbArn.Listener => ListenerNotFound(arn),
        _ => LoadBalancerNotFound(arn),
    };
    public static Ec2Error DuplicateLoadBalancerName(string name) =>
        new("DuplicateLoadBalancerName", $"A load balancer with the name '{name}' already exists");
    public static Ec2Error DuplicateTargetGroupName(string name) =>
        new("DuplicateTargetGroupName", $"A target group with the same name '{name}' exists, but with different settings");
    public static Ec2Error DuplicateListener(int port) =>
        new("DuplicateListener", $"A listener already exists on this port ({port}) of the load balancer");
    public static Ec2Error SubnetNotFound(string id) => new("SubnetNotFound", $"The subnet ID '{id}' is not valid");
    public static Ec2Error InvalidSubnet(string message) => new("InvalidSubnet", message);
    public static Ec2Error InvalidSecurityGroup(string id) => new("InvalidSecurityGroup", $"One or more security groups are invalid: {id}");
    public static Ec2Error InvalidTarget(string message) => new("InvalidTarget", message);
    public static Ec2Error ResourceInUse(string message) => new("ResourceInUse", message);
    public static Ec2Error InvalidConfigurationRequest(string message) => new("InvalidConfigurationRequest", message);
    public static Ec2Error UnsupportedProtocol(string protocol) => new("UnsupportedProtocol", $"Protocol '{protocol}' is not supported");
}
