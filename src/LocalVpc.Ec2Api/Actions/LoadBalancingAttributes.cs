using LocalVpc.Core.Commands.LoadBalancing;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>
/// Describe and Modify the attributes of load balancers, target groups and listeners (what Terraform's aws_lb,
/// aws_lb_target_group and aws_lb_listener read and set): AWS's defaults for network load balancers, changed by key.
/// </summary>
public static class LoadBalancingAttributes
{
    public static Task<ApiReply> DescribeLoadBalancer(ApiCall call) => DescribeAsync(call, call.Input.String("LoadBalancerArn")!);

    public static Task<ApiReply> DescribeTargetGroup(ApiCall call) => DescribeAsync(call, call.Input.String("TargetGroupArn")!);

    public static Task<ApiReply> DescribeListener(ApiCall call) => DescribeAsync(call, call.Input.String("ListenerArn")!);

    public static Task<ApiReply> ModifyLoadBalancer(ApiCall call) => ModifyAsync(call, call.Input.String("LoadBalancerArn")!);

    public static Task<ApiReply> ModifyTargetGroup(ApiCall call) => ModifyAsync(call, call.Input.String("TargetGroupArn")!);

    public static Task<ApiReply> ModifyListener(ApiCall call) => ModifyAsync(call, call.Input.String("ListenerArn")!);

    private static async Task<ApiReply> DescribeAsync(ApiCall call, string arn)
    {
        var attributes = ElbAttributes.Of((await call.ReadAsync()).Find(arn));
        return attributes is null ? ElbErrors.NotFound(arn) : Reply(attributes);
    }

    private static async Task<ApiReply> ModifyAsync(ApiCall call, string arn)
    {
        var changes = call.Input.Structs("Attributes").Select(a => KeyValuePair.Create(a.String("Key") ?? "", a.String("Value") ?? "")).ToImmutableArray();
        var outcome = await call.ExecuteAsync(new ModifyElbAttributes(arn, changes));
        return outcome.Failed ? outcome.Error! : Reply(outcome.Value!);
    }

    private static ApiReply Reply(ImmutableSortedDictionary<string, string> attributes) => ApiReply.Ok(w => w.MemberList("Attributes", attributes, (w, a) =>
    {
        w.Element("Key", a.Key);
        w.Element("Value", a.Value);
    }));
}
