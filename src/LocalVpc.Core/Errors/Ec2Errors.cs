namespace LocalVpc.Core.Errors;

/// <summary>
/// The one catalog of AWS errors: a factory per code, spelled as EC2 spells it
/// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
/// </summary>
public static class Ec2Errors
{
    // Protocol and parameters.
    public static AwsError InvalidAction(string action) =>
        new("InvalidAction", $"The action {action} is not valid for this web service.");
    public static AwsError MissingAction() =>
        new("MissingAction", "The request must contain the parameter Action.");
    public static AwsError MissingParameter(string name) =>
        new("MissingParameter", $"The request must contain the parameter {name}");
    public static AwsError UnknownParameter(string name) =>
        new("UnknownParameter", $"The parameter {name} is not recognized");
    public static AwsError InvalidParameterValue(string message) => new("InvalidParameterValue", message);
    public static AwsError InvalidParameterValue(string name, string value) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter {name} is invalid.");
    public static AwsError InvalidParameterValueRange(string name, string value, long min, long max) =>
        new("InvalidParameterValue", $"Value ( {value} ) for parameter {name} is invalid. Parameter must be between {min} and {max}.");
    public static AwsError InvalidParameter(string message) => new("InvalidParameter", message);
    public static AwsError InvalidParameterCombination(string message) => new("InvalidParameterCombination", message);
    public static AwsError InvalidFilter(string name) =>
        new("InvalidParameterValue", $"The filter '{name}' is invalid");
    /// <remarks>EC2 answers a bad token with InvalidParameterValue, not InvalidNextToken (a real DescribeVpcs reply in boto/boto3#2673).</remarks>
    public static AwsError InvalidNextToken(string token) =>
        new("InvalidParameterValue", $"Value ( {token} ) for parameter NextToken is invalid. The token is invalid.");
    public static AwsError DryRunOperation() =>
        new("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
    public static AwsError InvalidQuery(string message) => new("InvalidQuery", message);
    /// <summary>A request with neither a SigV4 Authorization header nor a presigned query (EC2's common errors, HTTP 403).</summary>
    public static AwsError MissingAuthenticationToken() =>
        new("MissingAuthenticationToken", "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.", 403);
    // Signature Version 4 (EC2's common errors; messages as AWS words them).
    public static AwsError IncompleteSignature(string why) =>
        new("IncompleteSignature", $"The request signature does not conform to AWS standards. {why}");
    public static AwsError AuthFailure() =>
        new("AuthFailure", "AWS was not able to validate the provided access credentials", 401);
    public static AwsError SignatureDoesNotMatch(string? why = null) =>
        new("SignatureDoesNotMatch", why ?? "The request signature we calculated does not match the signature you provided. " +
                                             "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.", 403);
    public static AwsError RequestExpired(string why) => new("RequestExpired", $"Request has expired. {why}");
    public static AwsError UnauthorizedOperation(string why) => new("UnauthorizedOperation", $"You are not authorized to perform this operation. {why}", 403);
    public static AwsError InternalError() =>
        new("InternalError", "An internal error has occurred", 500);

    // Ids.
    public static AwsError Malformed(string code, string id, string prefix) =>
        new(code, $"Invalid id: \"{id}\" (expecting \"{prefix}-...\")");
    public static AwsError InvalidId(string id) => new("InvalidID", $"The ID '{id}' is not valid");

    // Instance types and instance attributes.
    public static AwsError InvalidInstanceType(string name) =>
        new("InvalidInstanceType", $"The following supplied instance types do not exist: [{name}]");
    public static AwsError CreditSpecificationNotSupported(string instanceId) =>
        new("InstanceCreditSpecification.NotSupported", $"The instance ID '{instanceId}' does not support credit specifications.");

    // Customer gateways.
    public static AwsError CustomerGatewayNotFound(string id) => new("InvalidCustomerGatewayID.NotFound", $"The customerGateway ID '{id}' does not exist");
    public static AwsError CustomerGatewayIdMalformed(string id) => Malformed("InvalidCustomerGatewayID.Malformed", id, IdPrefix.CustomerGateway);

    // VPCs.
    public static AwsError VpcNotFound(string id) => new("InvalidVpcID.NotFound", $"The vpc ID '{id}' does not exist");
    public static AwsError VpcIdMalformed(string id) => Malformed("InvalidVpcID.Malformed", id, IdPrefix.Vpc);
    public static AwsError VpcRange(string cidr) => new("InvalidVpc.Range", $"The CIDR '{cidr}' is invalid.");
    public static AwsError InvalidCidr(string parameter, string cidr) =>
        new("InvalidParameterValue", $"Value ({cidr}) for parameter {parameter} is invalid. This is not a valid CIDR block.");
    public static AwsError VpcDependencyViolation(string id) =>
        new("DependencyViolation", $"The vpc '{id}' has dependencies and cannot be deleted.");
    public static AwsError DefaultVpcAlreadyExists() =>
        new("DefaultVpcAlreadyExists", "A Default VPC already exists for this account in this region.");
    public static AwsError NoDefaultVpc() => new("VPCIdNotSpecified", "No default VPC for this user");
    public static AwsError CidrLimitExceeded(string vpcId, int limit) =>
        new("CidrLimitExceeded", $"This network '{vpcId}' has met its maximum number of allowed CIDRs: {limit}");
    public static AwsError CidrConflict(string cidr, string vpcId) =>
        new("InvalidVpc.Range", $"The CIDR '{cidr}' conflicts with another CIDR block in VPC '{vpcId}'.");
    public static AwsError CidrRestricted(string cidr, string vpcId) =>
        new("InvalidVpc.Range", $"The CIDR '{cidr}' is restricted. Use a CIDR from the same private address range as the current VPC CIDR, or use a publicly-routable CIDR.");
    public static AwsError VpcCidrAssociationNotFound(string id) =>
        new("InvalidVpcCidrBlockAssociationID.NotFound", $"The vpc CIDR block association ID '{id}' does not exist");
    public static AwsError VpcCidrAssociationMalformed(string id) =>
        Malformed("InvalidVpcCidrBlockAssociationId.Malformed", id, IdPrefix.VpcCidrAssociation);
    public static AwsError CannotDisassociatePrimaryCidr(string associationId, string vpcId) =>
        new("OperationNotPermitted", $"The vpc CIDR block with association ID {associationId} may not be disassociated. It is the primary IPv4 CIDR block of the VPC");
    public static AwsError CidrInUse(string cidr, string vpcId) =>
        new("DependencyViolation", $"The vpc CIDR block {cidr} in VPC '{vpcId}' has dependencies and cannot be disassociated.");

    // Subnets.
    public static AwsError SubnetNotFound(string id) => new("InvalidSubnetID.NotFound", $"The subnet ID '{id}' does not exist");
    public static AwsError SubnetIdMalformed(string id) => Malformed("InvalidSubnetID.Malformed", id, IdPrefix.Subnet);
    public static AwsError SubnetRange(string cidr) => new("InvalidSubnet.Range", $"The CIDR '{cidr}' is invalid.");
    public static AwsError SubnetConflict(string cidr) =>
        new("InvalidSubnet.Conflict", $"The CIDR '{cidr}' conflicts with another subnet");
    public static AwsError Ipv6OnlySubnet(string subnetId) =>
        new("InvalidParameterValue", $"The subnet {subnetId} is IPv6 only: it has no IPv4 addresses to give.");
    public static AwsError PrimaryIpv6NeedsIpv6Subnet(string subnetId) =>
        new("InvalidParameterValue", $"A primary IPv6 address needs a subnet with an IPv6 CIDR block; {subnetId} has none.");
    public static AwsError SubnetCidrAssociationNotFound(string id) =>
        new("InvalidSubnetCidrBlockAssociationID.NotFound", $"The subnet CIDR block with association ID '{id}' does not exist");
    public static AwsError SubnetCidrAssociationMalformed(string id) =>
        Malformed("InvalidSubnetCidrBlockAssociationID.Malformed", id, IdPrefix.SubnetCidrAssociation);
    public static AwsError SubnetDependencyViolation(string id) =>
        new("DependencyViolation", $"The subnet '{id}' has dependencies and cannot be deleted.");
    public static AwsError InvalidAvailabilityZone(string zone, IEnumerable<string> zones) =>
        new("InvalidParameterValue", $"Value ({zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: {string.Join(", ", zones)}.");
    public static AwsError InvalidAvailabilityZoneId(string zoneId, IEnumerable<string> zoneIds) =>
        new("InvalidParameterValue", $"Value ({zoneId}) for parameter availabilityZoneId is invalid. Subnets can currently only be created in the following availability zone ids: {string.Join(", ", zoneIds)}.");

    // Security groups.
    public static AwsError GroupNotFound(string id) => new("InvalidGroup.NotFound", $"The security group '{id}' does not exist");
    public static AwsError GroupNameNotFound(string name, string? vpcId) => vpcId is null
        ? new("InvalidGroup.NotFound", $"The security group '{name}' does not exist")
        : new("InvalidGroup.NotFound", $"The security group '{name}' does not exist in default VPC '{vpcId}'");
    public static AwsError GroupIdMalformed(string id) => Malformed("InvalidGroupId.Malformed", id, IdPrefix.SecurityGroup);
    public static AwsError GroupDuplicate(string name, string vpcId) =>
        new("InvalidGroup.Duplicate", $"The security group '{name}' already exists for VPC '{vpcId}'");
    public static AwsError GroupReserved(string name) => new("InvalidGroup.Reserved", $"The security group '{name}' is reserved");
    public static AwsError CannotDeleteDefaultGroup(string id) =>
        new("CannotDelete", $"the specified group: \"{id}\" name: \"default\" cannot be deleted by a user");
    public static AwsError GroupInUse(string id) =>
        new("DependencyViolation", $"resource {id} has a dependent object");
    public static AwsError PermissionDuplicate(string rule) =>
        new("InvalidPermission.Duplicate", $"the specified rule \"{rule}\" already exists");
    public static AwsError PermissionNotFound() =>
        new("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
    public static AwsError PermissionMalformed(string message) => new("InvalidPermission.Malformed", message);
    public static AwsError RuleNotFound(string id) =>
        new("InvalidSecurityGroupRuleId.NotFound", $"The security group rule ID '{id}' does not exist");
    public static AwsError RuleIdMalformed(string id) =>
        Malformed("InvalidSecurityGroupRuleId.Malformed", id, IdPrefix.SecurityGroupRule);
    // Quotas (ServiceQuotas): AWS's codes and words when an account has reached one.
    public static AwsError VpcLimitExceeded() => new("VpcLimitExceeded", "The maximum number of VPCs has been reached.");
    public static AwsError SubnetLimitExceeded() => new("SubnetLimitExceeded", "The maximum number of subnets has been reached.");
    public static AwsError VpcEndpointLimitExceeded() => new("VpcEndpointLimitExceeded", "The maximum number of VPC endpoints has been reached.");
    public static AwsError SecurityGroupLimitExceeded() => new("SecurityGroupLimitExceeded", "The maximum number of security groups has been reached.");
    public static AwsError NetworkInterfaceLimitExceeded() =>
        new("NetworkInterfaceLimitExceeded", "The maximum number of network interfaces has been reached.");
    public static AwsError AddressLimitExceeded() => new("AddressLimitExceeded", "The maximum number of addresses has been reached.");
    public static AwsError VcpuLimitExceeded(int limit) =>
        new("VcpuLimitExceeded", $"You have requested more vCPU capacity than your current vCPU limit of {limit} allows for the instance bucket that the " +
                                 "specified instance type belongs to. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.");
    public static AwsError RulesLimitExceeded() =>
        new("RulesPerSecurityGroupLimitExceeded", "The maximum number of rules per security group has been reached.");

    // Route tables and network ACLs.
    public static AwsError RouteTableNotFound(string id) =>
        new("InvalidRouteTableID.NotFound", $"The routeTable ID '{id}' does not exist");
    public static AwsError RouteTableIdMalformed(string id) =>
        Malformed("InvalidRouteTableID.Malformed", id, IdPrefix.RouteTable);
    public static AwsError NetworkAclNotFound(string id) =>
        new("InvalidNetworkAclID.NotFound", $"The networkAcl ID '{id}' does not exist");
    public static AwsError NetworkAclIdMalformed(string id) =>
        Malformed("InvalidNetworkAclID.Malformed", id, IdPrefix.NetworkAcl);

    public static AwsError RouteAlreadyExists(string destination) =>
        new("RouteAlreadyExists", $"The route identified by {destination} already exists.");
    public static AwsError RouteNotFound(string destination, string tableId) =>
        new("InvalidRoute.NotFound", $"no route with destination-cidr-block {destination} in route table {tableId}");
    public static AwsError CannotChangeLocalRoute(string destination, string tableId) =>
        new("InvalidParameterValue", $"cannot remove local route {destination} in route table {tableId}");
    public static AwsError RouteManagedByEndpoint(string destination, string endpointId) =>
        new("InvalidParameterValue", $"The route to {destination} belongs to VPC endpoint {endpointId}; change it with ModifyVpcEndpoint.");
    public static AwsError RouteTableDependencyViolation(string id) =>
        new("DependencyViolation", $"The routeTable '{id}' has dependencies and cannot be deleted.");
    public static AwsError DifferentNetworks(string first, string second) =>
        new("InvalidParameterValue", $"route table {first} and network gateway {second} belong to different networks");
    public static AwsError RouteTableAssociationNotFound(string id) =>
        new("InvalidAssociationID.NotFound", $"The association ID '{id}' does not exist");
    public static AwsError AlreadyAssociated(string message) => new("Resource.AlreadyAssociated", message);
    public static AwsError CannotDisassociateMain(string id) =>
        new("InvalidParameterValue", $"cannot disassociate the main route table association {id}");
    public static AwsError InternetGatewayNotFound(string id) =>
        new("InvalidInternetGatewayID.NotFound", $"The internetGateway ID '{id}' does not exist");
    public static AwsError InternetGatewayIdMalformed(string id) =>
        Malformed("InvalidInternetGatewayID.Malformed", id, IdPrefix.InternetGateway);
    public static AwsError GatewayNotAttached(string igw, string vpcId) =>
        new("Gateway.NotAttached", $"resource {igw} is not attached to network {vpcId}");
    public static AwsError InternetGatewayDependencyViolation(string id) =>
        new("DependencyViolation", $"The internetGateway '{id}' has dependencies and cannot be deleted.");
    public static AwsError MappedPublicAddresses(string vpcId) =>
        new("DependencyViolation", $"Network {vpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.");
    public static AwsError GatewayNotFound(string id) =>
        new("InvalidGatewayID.NotFound", $"The gateway ID '{id}' does not exist");
    public static AwsError VpcPeeringConnectionNotFound(string id) =>
        new("InvalidVpcPeeringConnectionID.NotFound", $"The vpcPeeringConnection ID '{id}' does not exist");
    public static AwsError VolumeNotFound(string id) => new("InvalidVolume.NotFound", $"The volume '{id}' does not exist.");
    public static AwsError VolumeIdMalformed(string id) => Malformed("InvalidVolumeID.Malformed", id, IdPrefix.Volume);
    // The provider reads InvalidGatewayID.NotFound as "gone" for egress-only gateways.
    public static AwsError EgressOnlyInternetGatewayNotFound(string id) =>
        new("InvalidGatewayID.NotFound", $"The eigw ID '{id}' does not exist");
    public static AwsError EgressOnlyInternetGatewayIdMalformed(string id) =>
        Malformed("InvalidEgressOnlyInternetGatewayId.Malformed", id, IdPrefix.EgressOnlyInternetGateway);
    public static AwsError VpnGatewayNotFound(string id) => new("InvalidVpnGatewayID.NotFound", $"The vpnGateway ID '{id}' does not exist");
    public static AwsError VpnGatewayIdMalformed(string id) => Malformed("InvalidVpnGatewayID.Malformed", id, IdPrefix.VpnGateway);
    public static AwsError VpcPeeringConnectionIdMalformed(string id) =>
        Malformed("InvalidVpcPeeringConnectionId.Malformed", id, IdPrefix.VpcPeeringConnection);
    public static AwsError PeeringStateTransition(string id, string from, string to) =>
        new("InvalidStateTransition", $"Invalid state transition for {id}, attempted to transition from {from} to {to}");
    public static AwsError NetworkInsightsPathNotFound(string id) =>
        new("InvalidNetworkInsightsPathId.NotFound", $"The network insights path ID '{id}' does not exist");

    public static AwsError NetworkInsightsAnalysisNotFound(string id) =>
        new("InvalidNetworkInsightsAnalysisId.NotFound", $"The network insights analysis ID '{id}' does not exist");

    public static AwsError VpcEndpointNotFound(string id) =>
        new("InvalidVpcEndpointId.NotFound", $"The Vpc Endpoint Id '{id}' does not exist");
    public static AwsError NetworkAclEntryAlreadyExists(int rule) =>
        new("NetworkAclEntryAlreadyExists", $"The network acl entry identified by {rule} already exists.");
    public static AwsError NetworkAclEntryNotFound(int rule, bool egress, string aclId) =>
        new("InvalidNetworkAclEntry.NotFound", $"The specified rule does not exist in this network acl: {rule} ({(egress ? "egress" : "ingress")}) in {aclId}");
    public static AwsError NetworkAclDependencyViolation(string id) =>
        new("DependencyViolation", $"The networkAcl '{id}' has dependencies and cannot be deleted.");
    public static AwsError CannotDeleteDefaultAcl(string id) =>
        new("InvalidParameterValue", $"cannot delete default network ACL {id}");
    public static AwsError NetworkAclAssociationNotFound(string id) =>
        new("InvalidAssociationID.NotFound", $"The association ID '{id}' does not exist");

    public static AwsError NetworkInterfaceNotFound(string id) =>
        new("InvalidNetworkInterfaceID.NotFound", $"The networkInterface ID '{id}' does not exist");
    public static AwsError NetworkInterfaceIdMalformed(string id) =>
        Malformed("InvalidNetworkInterfaceID.Malformed", id, IdPrefix.NetworkInterface);
    public static AwsError NetworkInterfaceInUse(string id) =>
        new("InvalidNetworkInterface.InUse", $"The network interface {id} is currently in use.");
    public static AwsError DhcpOptionsNotFound(string id) =>
        new("InvalidDhcpOptionID.NotFound", $"The dhcpOptions ID '{id}' does not exist");
    public static AwsError DhcpOptionsIdMalformed(string id) => Malformed("InvalidDhcpOptionsId.Malformed", id, IdPrefix.DhcpOptions);
    /// <remarks>DeleteDhcpOptions names the kind in the plural, unlike the other calls (Terraform's provider checks for both).</remarks>
    public static AwsError DhcpOptionsNotFoundOnDelete(string id) =>
        new("InvalidDhcpOptionsID.NotFound", $"The dhcpOptions ID '{id}' does not exist");
    public static AwsError DhcpOptionsInUse(string id) =>
        new("DependencyViolation", $"The dhcpOptions '{id}' has dependencies and cannot be deleted.");
    public static AwsError AttachmentNotFound(string id) =>
        new("InvalidAttachmentID.NotFound", $"Interface attachment {id} was not found");
    public static AwsError OperationNotPermitted(string message) => new("OperationNotPermitted", message);
    public static AwsError InstanceNotFound(string id) =>
        new("InvalidInstanceID.NotFound", $"The instance ID '{id}' does not exist");
    public static AwsError InstanceIdMalformed(string id) =>
        new("InvalidInstanceID.Malformed", $"Invalid id: \"{id}\"");
    public static AwsError IncorrectInstanceState(string id, string state, string action) =>
        new("IncorrectInstanceState", $"The instance '{id}' is not in a state from which it can be {action}.");
    public static AwsError GroupsInDifferentVpc(string groupId, string subnetId) =>
        new("InvalidParameter", $"Security group {groupId} and subnet {subnetId} belong to different networks.");

    public static AwsError AllocationNotFound(string id) =>
        new("InvalidAllocationID.NotFound", $"The allocation ID '{id}' does not exist");
    public static AwsError AllocationIdMalformed(string id) =>
        Malformed("InvalidAllocationID.Malformed", id, IdPrefix.ElasticIpAllocation);
    public static AwsError AddressNotFound(string publicIp) =>
        new("InvalidAddress.NotFound", $"The address '{publicIp}' does not exist");
    public static AwsError AddressAssociationNotFound(string id) =>
        new("InvalidAssociationID.NotFound", $"The association ID '{id}' does not exist");
    public static AwsError AddressInUse(string publicIp) =>
        new("InvalidIPAddress.InUse", $"Address {publicIp} is in use.");
    public static AwsError NoInternetGateway(string vpcId) =>
        new("Gateway.NotAttached", $"Network {vpcId} is not attached to any internet gateway");
    public static AwsError NatGatewayNotFound(string id) =>
        new("NatGatewayNotFound", $"The Nat Gateway {id} was not found");
    public static AwsError NatGatewayIdMalformed(string id) =>
        new("NatGatewayMalformed", $"The Nat Gateway ID '{id}' is malformed");

    public static AwsError InvalidServiceName(string name) =>
        new("InvalidServiceName", $"The Vpc Endpoint Service '{name}' does not exist");
    public static AwsError VpcEndpointIdMalformed(string id) =>
        new("InvalidVpcEndpointId.Malformed", $"Invalid Id: '{id}'");
    public static AwsError VpcEndpointNotFoundForDelete(string id) =>
        new("InvalidVpcEndpoint.NotFound", $"The Vpc Endpoint Id '{id}' does not exist");
    public static AwsError DuplicateSubnetsInSameZone(string subnetId) =>
        new("DuplicateSubnetsInSameZone", $"Found another VPC endpoint subnet in the availability zone of {subnetId}. VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.");
    public static AwsError PrivateDnsNeedsVpcAttributes(string vpcId) =>
        new("InvalidParameter", $"Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for {vpcId}");
    public static AwsError ConflictingDnsDomain(string name, string vpcId) =>
        new("InvalidParameter", $"private-dns-enabled cannot be set because there is already a conflicting DNS domain for {name} in the VPC {vpcId}");
    public static AwsError InvalidPolicyDocument(string message) => new("InvalidPolicyDocument", message);
    public static AwsError IdempotentParameterMismatch(string token) =>
        new("IdempotentParameterMismatch", $"The client token '{token}' has already been used with different parameters.");
    public static AwsError PrefixListIdMalformed(string id) => Malformed("InvalidPrefixListID.Malformed", id, IdPrefix.PrefixList);
    /// <remarks>The managed-prefix-list calls spell it <c>ID</c>, DescribePrefixLists <c>Id</c> (Terraform's provider reads each).</remarks>
    public static AwsError ManagedPrefixListNotFound(string id) =>
        new("InvalidPrefixListID.NotFound", $"The prefix list ID '{id}' does not exist");
    public static AwsError PrefixListNotFound(string id) =>
        new("InvalidPrefixListId.NotFound", $"The prefix list ID '{id}' does not exist");
    public static AwsError VpcDnsAttributeInUse(string attribute, string vpcId, string endpointId) =>
        new("InvalidParameter", $"{attribute} cannot be disabled for {vpcId}: VPC endpoint {endpointId} has private DNS enabled.");

    public static AwsError EndpointServiceNotFound(string id) =>
        new("InvalidVpcEndpointServiceId.NotFound", $"The Vpc Endpoint Service Id '{id}' does not exist");
    public static AwsError EndpointServiceIdMalformed(string id) =>
        new("InvalidVpcEndpointServiceId.Malformed", $"Invalid Id: '{id}'");
    public static AwsError EndpointServiceNotFoundForDelete(string id) =>
        new("InvalidVpcEndpointService.NotFound", $"The Vpc Endpoint Service Id '{id}' does not exist");
    public static AwsError ExistingVpcEndpointConnections(string id) =>
        new("ExistingVpcEndpointConnections", $"Service {id} has existing active VPC Endpoint connections");
    public static AwsError InvalidEndpointState(string endpointId, string state, string action) =>
        new("InvalidState", $"The VPC endpoint {endpointId} is in state {state} and cannot be {action}.");

    // Tags.
    public static AwsError TagLimitExceeded(int limit) =>
        new("TagLimitExceeded", $"The maximum number of tags per resource is {limit}.");
    public static AwsError ReservedTagKey() =>
        new("InvalidParameterValue", "Tag keys starting with 'aws:' are reserved for internal use");
    public static AwsError InvalidTaggableResourceType(string type) =>
        new("InvalidParameterValue", $"'{type}' is not a valid taggable resource type for this operation.");
}
