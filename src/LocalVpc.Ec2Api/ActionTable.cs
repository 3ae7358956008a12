using System.Collections.Frozen;
using LocalVpc.Ec2Api.Actions;

namespace LocalVpc.Ec2Api;

/// <summary>The one map from an EC2 <c>Action</c> to its handler. A test compares it with the model's operations.</summary>
public static class ActionTable
{
    public static FrozenDictionary<string, ApiHandler> Handlers { get; } = new Dictionary<string, ApiHandler>
    {
        ["DescribeRegions"] = Regions.DescribeRegions,
        ["DescribeAvailabilityZones"] = Regions.DescribeAvailabilityZones,

        ["CreateVpc"] = Vpcs.Create,
        ["CreateDefaultVpc"] = Vpcs.CreateDefault,
        ["DescribeVpcs"] = Vpcs.Describe,
        ["DeleteVpc"] = Vpcs.Delete,
        ["ModifyVpcAttribute"] = Vpcs.ModifyAttribute,
        ["DescribeVpcAttribute"] = Vpcs.DescribeAttribute,
        ["AssociateVpcCidrBlock"] = Vpcs.AssociateCidrBlock,
        ["DisassociateVpcCidrBlock"] = Vpcs.DisassociateCidrBlock,

        ["CreateSubnet"] = Subnets.Create,
        ["DescribeSubnets"] = Subnets.Describe,
        ["DeleteSubnet"] = Subnets.Delete,
        ["ModifySubnetAttribute"] = Subnets.ModifyAttribute,

        ["CreateSecurityGroup"] = SecurityGroups.Create,
        ["DescribeSecurityGroups"] = SecurityGroups.Describe,
        ["DeleteSecurityGroup"] = SecurityGroups.Delete,
        ["AuthorizeSecurityGroupIngress"] = SecurityGroups.AuthorizeIngress,
        ["AuthorizeSecurityGroupEgress"] = SecurityGroups.AuthorizeEgress,
        ["RevokeSecurityGroupIngress"] = SecurityGroups.RevokeIngress,
        ["RevokeSecurityGroupEgress"] = SecurityGroups.RevokeEgress,
        ["DescribeSecurityGroupRules"] = SecurityGroups.DescribeRules,

        ["CreateRouteTable"] = RouteTables.Create,
        ["DescribeRouteTables"] = RouteTables.Describe,
        ["DeleteRouteTable"] = RouteTables.Delete,
        ["CreateRoute"] = RouteTables.CreateRoute,
        ["ReplaceRoute"] = RouteTables.ReplaceRoute,
        ["DeleteRoute"] = RouteTables.DeleteRoute,
        ["AssociateRouteTable"] = RouteTables.Associate,
        ["DisassociateRouteTable"] = RouteTables.Disassociate,
        ["ReplaceRouteTableAssociation"] = RouteTables.ReplaceAssociation,

        ["CreateCustomerGateway"] = CustomerGateways.Create,
        ["DescribeCustomerGateways"] = CustomerGateways.Describe,
        ["DeleteCustomerGateway"] = CustomerGateways.Delete,
        ["CreateInternetGateway"] = InternetGateways.Create,
        ["DescribeInternetGateways"] = InternetGateways.Describe,
        ["AttachInternetGateway"] = InternetGateways.Attach,
        ["DetachInternetGateway"] = InternetGateways.Detach,
        ["DeleteInternetGateway"] = InternetGateways.Delete,

        ["CreateNetworkAcl"] = NetworkAcls.Create,
        ["DescribeNetworkAcls"] = NetworkAcls.Describe,
        ["DeleteNetworkAcl"] = NetworkAcls.Delete,
        ["CreateNetworkAclEntry"] = NetworkAcls.CreateEntry,
        ["ReplaceNetworkAclEntry"] = NetworkAcls.ReplaceEntry,
        ["DeleteNetworkAclEntry"] = NetworkAcls.DeleteEntry,
        ["ReplaceNetworkAclAssociation"] = NetworkAcls.ReplaceAssociation,

        ["CreateNetworkInterface"] = NetworkInterfaces.Create,
        ["DescribeNetworkInterfaces"] = NetworkInterfaces.Describe,
        ["DeleteNetworkInterface"] = NetworkInterfaces.Delete,
        ["ModifyNetworkInterfaceAttribute"] = NetworkInterfaces.ModifyAttribute,
        ["AssignPrivateIpAddresses"] = NetworkInterfaces.AssignPrivateIpAddresses,
        ["UnassignPrivateIpAddresses"] = NetworkInterfaces.UnassignPrivateIpAddresses,

        ["RunInstances"] = Instances.Run,
        ["DescribeInstances"] = Instances.Describe,
        ["DescribeInstanceAttribute"] = InstanceAttributes.Describe,
        ["DescribeInstanceCreditSpecifications"] = InstanceAttributes.DescribeCreditSpecifications,
        ["DescribeInstanceTypes"] = InstanceTypes.Describe,
        ["DescribeInstanceStatus"] = Instances.DescribeStatus,
        ["StartInstances"] = Instances.Start,
        ["StopInstances"] = Instances.Stop,
        ["TerminateInstances"] = Instances.Terminate,

        ["AllocateAddress"] = Addresses.Allocate,
        ["AssociateAddress"] = Addresses.Associate,
        ["DisassociateAddress"] = Addresses.Disassociate,
        ["ReleaseAddress"] = Addresses.Release,
        ["DescribeAddresses"] = Addresses.Describe,

        ["CreateNatGateway"] = NatGateways.Create,
        ["DescribeNatGateways"] = NatGateways.Describe,
        ["DeleteNatGateway"] = NatGateways.Delete,

        ["CreateVpcEndpoint"] = VpcEndpoints.Create,
        ["DescribeVpcEndpoints"] = VpcEndpoints.Describe,
        ["ModifyVpcEndpoint"] = VpcEndpoints.Modify,
        ["DeleteVpcEndpoints"] = VpcEndpoints.Delete,
        ["DescribeVpcEndpointServices"] = VpcEndpoints.DescribeServices,
        ["CreateVpcEndpointServiceConfiguration"] = EndpointServices.Create,
        ["DescribeVpcEndpointServiceConfigurations"] = EndpointServices.Describe,
        ["ModifyVpcEndpointServiceConfiguration"] = EndpointServices.Modify,
        ["DeleteVpcEndpointServiceConfigurations"] = EndpointServices.Delete,
        ["ModifyVpcEndpointServicePermissions"] = EndpointServices.ModifyPermissions,
        ["DescribeVpcEndpointServicePermissions"] = EndpointServices.DescribePermissions,
        ["StartVpcEndpointServicePrivateDnsVerification"] = EndpointServices.StartPrivateDnsVerification,
        ["AcceptVpcEndpointConnections"] = EndpointServices.Accept,
        ["RejectVpcEndpointConnections"] = EndpointServices.Reject,
        ["DescribeVpcEndpointConnections"] = EndpointServices.DescribeConnections,
        ["CreateVpcEndpointConnectionNotification"] = EndpointServices.CreateNotification,
        ["DescribeVpcEndpointConnectionNotifications"] = EndpointServices.DescribeNotifications,
        ["ModifyVpcEndpointConnectionNotification"] = EndpointServices.ModifyNotification,
        ["DeleteVpcEndpointConnectionNotifications"] = EndpointServices.DeleteNotifications,
        ["CreateNetworkInsightsPath"] = NetworkInsights.CreatePath,
        ["DescribeNetworkInsightsPaths"] = NetworkInsights.DescribePaths,
        ["DeleteNetworkInsightsPath"] = NetworkInsights.DeletePath,
        ["StartNetworkInsightsAnalysis"] = NetworkInsights.StartAnalysis,
        ["DescribeNetworkInsightsAnalyses"] = NetworkInsights.DescribeAnalyses,
        ["DeleteNetworkInsightsAnalysis"] = NetworkInsights.DeleteAnalysis,
        ["DescribePrefixLists"] = PrefixLists.Describe,
        ["DescribeManagedPrefixLists"] = PrefixLists.DescribeManaged,
        ["GetManagedPrefixListEntries"] = PrefixLists.GetEntries,

        ["CreateTags"] = Tags.Create,
        ["DeleteTags"] = Tags.Delete,
        ["DescribeTags"] = Tags.Describe,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
