namespace LocalVpc.Core.Rules;

/// <summary>Which ids can carry tags, their resource types (as DescribeTags names them) and the error for an unknown one.</summary>
public static class Taggable
{
    /// <summary>The resource type of an existing taggable id, or the error CreateTags and DeleteTags give.</summary>
    public static Ec2Error? Check(AccountState state, string id, out string resourceType)
    {
        resourceType = TypeOf(id) ?? "";
        var exists = IdPrefix.Of(id) switch
        {
            IdPrefix.SecurityGroupRule => state.SecurityGroups.Values.Any(g => g.Rules.Any(r => r.Id == id)),
            IdPrefix.DhcpOptions => state.DhcpOptionsId == id,
            _ => state.Find(id) is not null,
        };
        if (exists) return null;
        return IdPrefix.Of(id) switch
        {
            IdPrefix.Vpc => Ec2Errors.VpcNotFound(id),
            IdPrefix.Subnet => Ec2Errors.SubnetNotFound(id),
            IdPrefix.SecurityGroup => Ec2Errors.GroupNotFound(id),
            IdPrefix.RouteTable => Ec2Errors.RouteTableNotFound(id),
            IdPrefix.NetworkAcl => Ec2Errors.NetworkAclNotFound(id),
            IdPrefix.InternetGateway => Ec2Errors.InternetGatewayNotFound(id),
            IdPrefix.NetworkInterface => Ec2Errors.NetworkInterfaceNotFound(id),
            IdPrefix.Instance => Ec2Errors.InstanceNotFound(id),
            IdPrefix.ElasticIpAllocation => Ec2Errors.AllocationNotFound(id),
            IdPrefix.NatGateway => Ec2Errors.NatGatewayNotFound(id),
            IdPrefix.VpcEndpoint => Ec2Errors.VpcEndpointNotFound(id),
            IdPrefix.EndpointService => Ec2Errors.EndpointServiceNotFound(id),
            IdPrefix.SecurityGroupRule => Ec2Errors.RuleNotFound(id),
            IdPrefix.NetworkInsightsPath => Ec2Errors.NetworkInsightsPathNotFound(id),
            IdPrefix.NetworkInsightsAnalysis => Ec2Errors.NetworkInsightsAnalysisNotFound(id),
            _ => Ec2Errors.InvalidId(id),
        };
    }

    /// <summary>The DescribeTags resource type for an id's prefix.</summary>
    public static string? TypeOf(string id) => IdPrefix.Of(id) switch
    {
        IdPrefix.Vpc => "vpc",
        IdPrefix.Subnet => "subnet",
        IdPrefix.SecurityGroup => "security-group",
        IdPrefix.SecurityGroupRule => "security-group-rule",
        IdPrefix.RouteTable => "route-table",
        IdPrefix.NetworkAcl => "network-acl",
        IdPrefix.InternetGateway => "internet-gateway",
        IdPrefix.NetworkInterface => "network-interface",
        IdPrefix.Instance => "instance",
        IdPrefix.ElasticIpAllocation => "elastic-ip",
        IdPrefix.NatGateway => "natgateway",
        IdPrefix.VpcEndpoint => "vpc-endpoint",
        IdPrefix.EndpointService => "vpc-endpoint-service",
        IdPrefix.DhcpOptions => "dhcp-options",
        IdPrefix.NetworkInsightsPath => "network-insights-path",
        IdPrefix.NetworkInsightsAnalysis => "network-insights-analysis",
        _ => null,
    };
}
