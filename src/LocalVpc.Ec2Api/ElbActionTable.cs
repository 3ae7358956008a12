using System.Collections.Frozen;
using LocalVpc.Ec2Api.Actions;

namespace LocalVpc.Ec2Api;

/// <summary>The one map from an Elastic Load Balancing v2 <c>Action</c> to its handler. A test compares it with the model.</summary>
public static class ElbActionTable
{
    public static FrozenDictionary<string, ApiHandler> Handlers { get; } = new Dictionary<string, ApiHandler>
    {
        ["CreateLoadBalancer"] = LoadBalancing.CreateLoadBalancer,
        ["SetIpAddressType"] = LoadBalancing.SetIpAddressType,
        ["DescribeLoadBalancers"] = LoadBalancing.DescribeLoadBalancers,
        ["DeleteLoadBalancer"] = LoadBalancing.DeleteLoadBalancer,
        ["CreateTargetGroup"] = LoadBalancing.CreateTargetGroup,
        ["DescribeTargetGroups"] = LoadBalancing.DescribeTargetGroups,
        ["ModifyTargetGroup"] = LoadBalancing.ModifyTargetGroup,
        ["DeleteTargetGroup"] = LoadBalancing.DeleteTargetGroup,
        ["RegisterTargets"] = LoadBalancing.RegisterTargets,
        ["DeregisterTargets"] = LoadBalancing.DeregisterTargets,
        ["DescribeTargetHealth"] = LoadBalancing.DescribeTargetHealth,
        ["CreateListener"] = LoadBalancing.CreateListener,
        ["DescribeListeners"] = LoadBalancing.DescribeListeners,
        ["ModifyListener"] = LoadBalancing.ModifyListener,
        ["DeleteListener"] = LoadBalancing.DeleteListener,
        ["DescribeLoadBalancerAttributes"] = LoadBalancingAttributes.DescribeLoadBalancer,
        ["ModifyLoadBalancerAttributes"] = LoadBalancingAttributes.ModifyLoadBalancer,
        ["DescribeTargetGroupAttributes"] = LoadBalancingAttributes.DescribeTargetGroup,
        ["ModifyTargetGroupAttributes"] = LoadBalancingAttributes.ModifyTargetGroup,
        ["DescribeListenerAttributes"] = LoadBalancingAttributes.DescribeListener,
        ["ModifyListenerAttributes"] = LoadBalancingAttributes.ModifyListener,
        ["AddTags"] = LoadBalancing.AddTags,
        ["RemoveTags"] = LoadBalancing.RemoveTags,
        ["DescribeTags"] = LoadBalancing.DescribeTags,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
