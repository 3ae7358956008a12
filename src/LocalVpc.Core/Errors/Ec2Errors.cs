namespace LocalVpc.Core.Errors;

/// <summary>
/// The one catalog of AWS errors: a factory per code, spelled as EC2 spells it
/// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
/// </summary>
public static class Ec2Errors
{
    // Protocol and parameters.
    public static Ec2Error InvalidAction(string action) =>
        new("InvalidAction", $"The action {action} is not valid for this web service.");
    public static Ec2Error MissingAction() =>
        new("MissingAction", "The request must contain the parameter Action.");
    public static Ec2Error MissingParameter(string name) =>
        new("MissingParameter", $"The request must contain the parameter {name}");
    public static Ec2Error UnknownParameter(string name) =>
        new("UnknownParameter", $"The parameter {name} is not recognized");
    public static Ec2Error InvalidParameterValue(string message) => new("InvalidParameterValue", message);
    public static Ec2Error InvalidParameterValue(string name, string value) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter {name} is invalid.");
    public static Ec2Error InvalidParameterValueRange(string name, string value, long min, long max) =>
        new("InvalidParameterValue", $"Value ( {value} ) for parameter {name} is invalid. Parameter must be between {min} and {max}.");
    public static Ec2Error InvalidParameter(string message) => new("InvalidParameter", message);
    public static Ec2Error InvalidParameterCombination(string message) => new("InvalidParameterCombination", message);
    public static Ec2Error InvalidFilter(string name) =>
        new("InvalidParameterValue", $"The filter '{name}' is invalid");
    /// <remarks>EC2 answers a bad token with InvalidParameterValue, not InvalidNextToken (a real DescribeVpcs reply in boto/boto3#2673).</remarks>
    public static Ec2Error InvalidNextToken(string token) =>
        new("InvalidParameterValue", $"Value ( {token} ) for parameter NextToken is invalid. The token is invalid.");
    public static Ec2Error DryRunOperation() =>
        new("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
    public static Ec2Error InvalidQuery(string message) => new("InvalidQuery", message);
    public static Ec2Error InternalError() =>
        new("InternalError", "An internal error has occurred", 500);

    // Ids.
    public static Ec2Error Malformed(string code, string id, string prefix) =>
        new(code, $"Invalid id: \"{id}\" (expecting \"{prefix}-...\")");
    public static Ec2Error InvalidId(string id) => new("InvalidID", $"The ID '{id}' is not valid");

    // Customer gateways.
    public static Ec2Error CustomerGatewayNotFound(string id) => new("InvalidCustomerGatewayID.NotFound", $"The customerGateway ID '{id}' does not exist");
    public static Ec2Error CustomerGatewayIdMalformed(string id) => Malformed("InvalidCustomerGatewayID.Malformed", id, IdPrefix.CustomerGateway);

    // VPCs.
    public static Ec2Error VpcNotFound(string id) => new("InvalidVpcID.NotFound", $"The vpc ID '{id}' does not exist");
    public static Ec2Error VpcIdMalformed(string id) => Malformed("InvalidVpcID.Malformed", id, IdPrefix.Vpc);
    public static Ec2Error VpcRange(string cidr) => new("InvalidVpc.Range", $"The CIDR '{cidr}' is invalid.");
    public static Ec2Error InvalidCidr(string parameter, string cidr) =>
        new("InvalidParameterValue", $"Value ({cidr}) for parameter {parameter} is invalid. This is not a valid CIDR block.");
    public static Ec2Error VpcDependencyViolation(string id) =>
        new("DependencyViolation", $"The vpc '{id}' has dependencies and cannot be deleted.");
    public static Ec2Error DefaultVpcAlreadyExists() =>
        new("DefaultVpcAlreadyExists", "A Default VPC already exists for this account in this region.");
    public static Ec2Error NoDefaultVpc() => new("VPCIdNotSpecified", "No default VPC for this user");
    public static Ec2Error CidrLimitExceeded(string vpcId, int limit) =>
        new("CidrLimitExceeded", $"This network '{vpcId}' has met its maximum number of allowed CIDRs: {limit}");
    public static Ec2Error CidrConflict(string cidr, string vpcId) =>
        new("InvalidVpc.Range", $"The CIDR '{cidr}' conflicts with another CIDR block in VPC '{vpcId}'.");
    public static Ec2Error CidrRestricted(string cidr, string vpcId) =>
        new("InvalidVpc.Range", $"The CIDR '{cidr}' is restricted. Use a CIDR from the same private address range as the current VPC CIDR, or use a publicly-routable CIDR.");
    public static Ec2Error VpcCidrAssociationNotFound(string id) =>
        new("InvalidVpcCidrBlockAssociationID.NotFound", $"The vpc CIDR block association ID '{id}' does not exist");
    public static Ec2Error VpcCidrAssociationMalformed(string id) =>
        Malformed("InvalidVpcCidrBlockAssociationId.Malformed", id, IdPrefix.VpcCidrAssociation);
    public static Ec2Error CannotDisassociatePrimaryCidr(string associationId, string vpcId) =>
        new("OperationNotPermitted", $"The vpc CIDR block with association ID {associationId} may not be disassociated. It is the primary IPv4 CIDR block of the VPC");
    public static Ec2Error CidrInUse(string cidr, string vpcId) =>
        new("DependencyViolation", $"The vpc CIDR block {cidr} in VPC '{vpcId}' has dependencies and cannot be disassociated.");

    // Subnets.
    public static Ec2Error SubnetNotFound(string id) => new("InvalidSubnetID.NotFound", $"The subnet ID '{id}' does not exist");
    public static Ec2Error SubnetIdMalformed(string id) => Malformed("InvalidSubnetID.Malformed", id, IdPrefix.Subnet);
    public static Ec2Error SubnetRange(string cidr) => new("InvalidSubnet.Range", $"The CIDR '{cidr}' is invalid.");
    public static Ec2Error SubnetConflict(string cidr) =>
        new("InvalidSubnet.Conflict", $"The CIDR '{cidr}' conflicts with another subnet");
    public static Ec2Error SubnetDependencyViolation(string id) =>
        new("DependencyViolation", $"The subnet '{id}' has dependencies and cannot be deleted.");
    public static Ec2Error InvalidAvailabilityZone(string zone, IEnumerable<string> zones) =>
        new("InvalidParameterValue", $"Value ({zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: {string.Join(", ", zones)}.");
    public static Ec2Error InvalidAvailabilityZoneId(string zoneId, IEnumerable<string> zoneIds) =>
        new("InvalidParameterValue", $"Value ({zoneId}) for parameter availabilityZoneId is invalid. Subnets can currently only be created in the following availability zone ids: {string.Join(", ", zoneIds)}.");

    // Security groups.
    public static Ec2Error GroupNotFound(string id) => new("InvalidGroup.NotFound", $"The security group '{id}' does not exist");
    public static Ec2Error GroupNameNotFound(string name, string? vpcId) => vpcId is null
        ? new("InvalidGroup.NotFound", $"The security group '{name}' does not exist")
        : new("InvalidGroup.NotFound", $"The security group '{name}' does not exist in default VPC '{vpcId}'");
    public static Ec2Error GroupIdMalformed(string id) => Malformed("InvalidGroupId.Malformed", id, IdPrefix.SecurityGroup);
    public static Ec2Error GroupDuplicate(string name, string vpcId) =>
        new("InvalidGroup.Duplicate", $"The security group '{name}' already exists for VPC '{vpcId}'");
    public static Ec2Error GroupReserved(string name) => new("InvalidGroup.Reserved", $"The security group '{name}' is reserved");
    public static Ec2Error CannotDeleteDefaultGroup(string id) =>
        new("CannotDelete", $"the specified group: \"{id}\" name: \"default\" cannot be deleted by a user");
    public static Ec2Error GroupInUse(string id) =>
        new("DependencyViolation", $"resource {id} has a dependent object");
    public static Ec2Error PermissionDuplicate(string rule) =>
        new("InvalidPermission.Duplicate", $"the specified rule \"{rule}\" already exists");
    public static Ec2Error PermissionNotFound() =>
        new("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
    public static Ec2Error PermissionMalformed(string message) => new("InvalidPermission.Malformed", message);
    public static Ec2Error RuleNotFound(string id) =>
        new("InvalidSecurityGroupRuleId.NotFound", $"The security group rule ID '{id}' does not exist");
    public static Ec2Error RuleIdMalformed(string id) =>
        Malformed("InvalidSecurityGroupRuleId.Malformed", id, IdPrefix.SecurityGroupRule);
    public static Ec2Error RulesLimitExceeded() =>
        new("RulesPerSecurityGroupLimitExceeded", "The maximum number of rules per security group has been reached.");

    // Route tables and network ACLs.
    public static Ec2Error RouteTableNotFound(string id) =>
        new("InvalidRouteTableID.NotFound", $"The routeTable ID '{id}' does not exist");
    public static Ec2Error RouteTableIdMalformed(string id) =>
        Malformed("InvalidRouteTableID.Malformed", id, IdPrefix.RouteTable);
    public static Ec2Error NetworkAclNotFound(string id) =>
        new("InvalidNetworkAclID.NotFound", $"The networkAcl ID '{id}' does not exist");
    public static Ec2Error NetworkAclIdMalformed(string id) =>
        Malformed("InvalidNetworkAclID.Malformed", id, IdPrefix.NetworkAcl);

    public static Ec2Error RouteAlreadyExists(string destination) =>
        new("RouteAlreadyExists", $"The route identified by {destination} already exists.");
    public static Ec2Error RouteNotFound(string destination, string tableId) =>
        new("InvalidRoute.NotFound", $"no route with destination-cidr-block {destination} in route table {tableId}");
    public static Ec2Error CannotChangeLocalRoute(string destination, string tableId) =>
        new("InvalidParameterValue", $"cannot remove local route {destination} in route table {tableId}");
    public static Ec2Error RouteManagedByEndpoint(string destination, string endpointId) =>
        new("InvalidParameterValue", $"The route to {destination} belongs to VPC endpoint {endpointId}; change it with ModifyVpcEndpoint.");
    public static Ec2Error RouteTableDependencyViolation(string id) =>
        new("DependencyViolation", $"The routeTable '{id}' has dependencies and cannot be deleted.");
    public static Ec2Error DifferentNetworks(string first, string second) =>
        new("InvalidParameterValue", $"route table {first} and network gateway {second} belong to different networks");
    public static Ec2Error RouteTableAssociationNotFound(string id) =>
        new("InvalidAssociationID.NotFound", $"The association ID '{id}' does not exist");
    public static Ec2Error AlreadyAssociated(string message) => new("Resource.AlreadyAssociated", message);
    public static Ec2Error CannotDisassociateMain(string id) =>
        new("InvalidParameterValue", $"cannot disassociate the main route table association {id}");
    public static Ec2Error InternetGatewayNotFound(string id) =>
        new("InvalidInternetGatewayID.NotFound", $"The internetGateway ID '{id}' does not exist");
    public static Ec2Error InternetGatewayIdMalformed(string id) =>
        Malformed("InvalidInternetGatewayID.Malformed", id, IdPrefix.InternetGateway);
    public static Ec2Error GatewayNotAttached(string igw, string vpcId) =>
        new("Gateway.NotAttached", $"resource {igw} is not attached to network {vpcId}");
    public static Ec2Error InternetGatewayDependencyViolation(string id) =>
        new("DependencyViolation", $"The internetGateway '{id}' has dependencies and cannot be deleted.");
    public static Ec2Error MappedPublicAddresses(string vpcId) =>
        new("DependencyViolation", $"Network {vpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.");
    public static Ec2Error GatewayNotFound(string id) =>
        new("InvalidGatewayID.NotFound", $"The gateway ID '{id}' does not exist");
    public static Ec2Error VpcPeeringConnectionNotFound(string id) =>
        new("InvalidVpcPeeringConnectionID.NotFound", $"The vpcPeeringConnection ID '{id}' does not exist");
    public static Ec2Error NetworkInsightsPathNotFound(string id) =>
        new("InvalidNetworkInsightsPathId.NotFound", $"The network insights path ID '{id}' does not exist");

    public static Ec2Error NetworkInsightsAnalysisNotFound(string id) =>
        new("InvalidNetworkInsightsAnalysisId.NotFound", $"The network insights analysis ID '{id}' does not exist");

    public static Ec2Error VpcEndpointNotFound(string id) =>
        new("InvalidVpcEndpointId.NotFound", $"The Vpc Endpoint Id '{id}' does not exist");
    public static Ec2Error NetworkAclEntryAlreadyExists(int rule) =>
        new("NetworkAclEntryAlreadyExists", $"The network acl entry identified by {rule} already exists.");
    public static Ec2Error NetworkAclEntryNotFound(int rule, bool egress, string aclId) =>
        new("InvalidNetworkAclEntry.NotFound", $"The specified rule does not exist in this network acl: {rule} ({(egress ? "egress" : "ingress")}) in {aclId}");
    public static Ec2Error NetworkAclDependencyViolation(string id) =>
        new("DependencyViolation", $"The networkAcl '{id}' has dependencies and cannot be deleted.");
    public static Ec2Error CannotDeleteDefaultAcl(string id) =>
        new("InvalidParameterValue", $"cannot delete default network ACL {id}");
    public static Ec2Error NetworkAclAssociationNotFound(string id) =>
        new("InvalidAssociationID.NotFound", $"The association ID '{id}' does not exist");

    public static Ec2Error NetworkInterfaceNotFound(string id) =>
        new("InvalidNetworkInterfaceID.NotFound", $"The networkInterface ID '{id}' does not exist");
    public static Ec2Error NetworkInterfaceIdMalformed(string id) =>
        Malformed("InvalidNetworkInterfaceID.Malformed", id, IdPrefix.NetworkInterface);
    public static Ec2Error NetworkInterfaceInUse(string id) =>
        new("InvalidNetworkInterface.InUse", $"The network interface {id} is currently in use.");
    public static Ec2Error InstanceNotFound(string id) =>
        new("InvalidInstanceID.NotFound", $"The instance ID '{id}' does not exist");
    public static Ec2Error InstanceIdMalformed(string id) =>
        new("InvalidInstanceID.Malformed", $"Invalid id: \"{id}\"");
    public static Ec2Error IncorrectInstanceState(string id, string state, string action) =>
        new("IncorrectInstanceState", $"The instance '{id}' is not in a state from which it can be {action}.");
    public static Ec2Error GroupsInDifferentVpc(string groupId, string subnetId) =>
        new("InvalidParameter", $"Security group {groupId} and subnet {subnetId} belong to different networks.");

    public static Ec2Error AllocationNotFound(string id) =>
        new("InvalidAllocationID.NotFound", $"The allocation ID '{id}' does not exist");
    public static Ec2Error AllocationIdMalformed(string id) =>
        Malformed("InvalidAllocationID.Malformed", id, IdPrefix.ElasticIpAllocation);
    public static Ec2Error AddressNotFound(string publicIp) =>
        new("InvalidAddress.NotFound", $"The address '{publicIp}' does not exist");
    public static Ec2Error AddressAssociationNotFound(string id) =>
        new("InvalidAssociationID.NotFound", $"The association ID '{id}' does not exist");
    public static Ec2Error AddressInUse(string publicIp) =>
        new("InvalidIPAddress.InUse", $"Address {publicIp} is in use.");
    public static Ec2Error NoInternetGateway(string vpcId) =>
        new("Gateway.NotAttached", $"Network {vpcId} is not attached to any internet gateway");
    public static Ec2Error NatGatewayNotFound(string id) =>
        new("NatGatewayNotFound", $"The Nat Gateway {id} was not found");
    public static Ec2Error NatGatewayIdMalformed(string id) =>
        new("NatGatewayMalformed", $"The Nat Gateway ID '{id}' is malformed");

    public static Ec2Error InvalidServiceName(string name) =>
        new("InvalidServiceName", $"The Vpc Endpoint Service '{name}' does not exist");
    public static Ec2Error VpcEndpointIdMalformed(string id) =>
        new("InvalidVpcEndpointId.Malformed", $"Invalid Id: '{id}'");
    public static Ec2Error VpcEndpointNotFoundForDelete(string id) =>
        new("InvalidVpcEndpoint.NotFound", $"The Vpc Endpoint Id '{id}' does not exist");
    public static Ec2Error DuplicateSubnetsInSameZone(string subnetId) =>
        new("DuplicateSubnetsInSameZone", $"Found another VPC endpoint subnet in the availability zone of {subnetId}. VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.");
    public static Ec2Error PrivateDnsNeedsVpcAttributes(string vpcId) =>
        new("InvalidParameter", $"Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for {vpcId}");
    public static Ec2Error ConflictingDnsDomain(string name, string vpcId) =>
        new("InvalidParameter", $"private-dns-enabled cannot be set because there is already a conflicting DNS domain for {name} in the VPC {vpcId}");
    public static Ec2Error InvalidPolicyDocument(string message) => new("InvalidPolicyDocument", message);
    public static Ec2Error IdempotentParameterMismatch(string token) =>
        new("IdempotentParameterMismatch", $"The client token '{token}' has already been used with different parameters.");
    public static Ec2Error PrefixListNotFound(string id) =>
        new("InvalidPrefixListId.NotFound", $"The prefix list ID '{id}' does not exist");
    public static Ec2Error VpcDnsAttributeInUse(string attribute, string vpcId, string endpointId) =>
        new("InvalidParameter", $"{attribute} cannot be disabled for {vpcId}: VPC endpoint {endpointId} has private DNS enabled.");

    public static Ec2Error EndpointServiceNotFound(string id) =>
        new("InvalidVpcEndpointServiceId.NotFound", $"The Vpc Endpoint Service Id '{id}' does not exist");
    public static Ec2Error EndpointServiceIdMalformed(string id) =>
        new("InvalidVpcEndpointServiceId.Malformed", $"Invalid Id: '{id}'");
    public static Ec2Error EndpointServiceNotFoundForDelete(string id) =>
        new("InvalidVpcEndpointService.NotFound", $"The Vpc Endpoint Service Id '{id}' does not exist");
    public static Ec2Error ExistingVpcEndpointConnections(string id) =>
        new("ExistingVpcEndpointConnections", $"Service {id} has existing active VPC Endpoint connections");
    public static Ec2Error InvalidEndpointState(string endpointId, string state, string action) =>
        new("InvalidState", $"The VPC endpoint {endpointId} is in state {state} and cannot be {action}.");

    // Tags.
    public static Ec2Error TagLimitExceeded(int limit) =>
        new("TagLimitExceeded", $"The maximum number of tags per resource is {limit}.");
    public static Ec2Error ReservedTagKey() =>
        new("InvalidParameterValue", "Tag keys starting with 'aws:' are reserved for internal use");
    public static Ec2Error InvalidTaggableResourceType(string type) =>
        new("InvalidParameterValue", $"'{type}' is not a valid taggable resource type for this operation.");
}
