using System.Net;
using System.Xml.Linq;
using LocalVpc.Ec2Api;
using LocalVpc.Ec2Api.Model;

namespace LocalVpc.Clients.Tests;

/// <summary>What we write, checked against botocore's EC2 model: action names, and every element of every reply.</summary>
public sealed class ModelConformanceTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly XNamespace Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    [Fact]
    public void ActionTable_NamesOnlyOperationsOfTheModel()
    {
        var model = ServiceModel.Ec2;
        Assert.Empty(ActionTable.Handlers.Keys.Where(a => !model.Operations.ContainsKey(a)));
    }

    [Fact]
    public async Task EveryAction_RepliesWithElementsTheModelHas()
    {
        var account = ServerFixture.NewAccount();
        var replies = new Dictionary<string, XDocument>();

        async Task<XDocument> Call(string action, params (string, string)[] parameters)
        {
            var reply = await RawEc2.PostAsync(fixture.Server, account, [("Action", action), ("Version", "2016-11-15"), .. parameters]);
            Assert.True(reply.Status == HttpStatusCode.OK, $"{action}: {reply.Body}");
            replies[action] = reply.Xml;
            return reply.Xml;
        }
        string Value(XDocument document, string element) => document.Descendants(Ns + element).First().Value;

        await Call("DescribeRegions");
        await Call("DescribeAvailabilityZones");
        var vpc = Value(await Call("CreateVpc", ("CidrBlock", "10.0.0.0/16"),
            ("TagSpecification.1.ResourceType", "vpc"), ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", "x")), "vpcId");
        await Call("DescribeVpcs");
        await Call("ModifyVpcAttribute", ("VpcId", vpc), ("EnableDnsHostnames.Value", "true"));
        await Call("DescribeVpcAttribute", ("VpcId", vpc), ("Attribute", "enableDnsHostnames"));
        var association = Value(await Call("AssociateVpcCidrBlock", ("VpcId", vpc), ("CidrBlock", "10.1.0.0/16")), "associationId");
        await Call("DisassociateVpcCidrBlock", ("AssociationId", association));
        var subnet = Value(await Call("CreateSubnet", ("VpcId", vpc), ("CidrBlock", "10.0.1.0/24")), "subnetId");
        await Call("DescribeSubnets");
        await Call("ModifySubnetAttribute", ("SubnetId", subnet), ("MapPublicIpOnLaunch.Value", "true"));
        var group = Value(await Call("CreateSecurityGroup", ("GroupName", "g"), ("GroupDescription", "g"), ("VpcId", vpc),
            ("TagSpecification.1.ResourceType", "security-group"), ("TagSpecification.1.Tag.1.Key", "k")), "groupId");
        await Call("AuthorizeSecurityGroupIngress", ("GroupId", group),
            ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", "443"), ("IpPermissions.1.ToPort", "443"),
            ("IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/16"), ("IpPermissions.1.Groups.1.GroupId", group),
            ("IpPermissions.1.Ipv6Ranges.1.CidrIpv6", "2001:db8::/32"), ("IpPermissions.1.PrefixListIds.1.PrefixListId", "pl-63a5400a"));
        await Call("AuthorizeSecurityGroupEgress", ("GroupId", group),
            ("IpPermissions.1.IpProtocol", "udp"), ("IpPermissions.1.FromPort", "53"), ("IpPermissions.1.ToPort", "53"),
            ("IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.2/32"));
        await Call("DescribeSecurityGroups");
        await Call("DescribeSecurityGroupRules", ("MaxResults", "5"));
        await Call("RevokeSecurityGroupIngress", ("GroupId", group),
            ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", "443"), ("IpPermissions.1.ToPort", "443"),
            ("IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/16"), ("IpPermissions.1.IpRanges.2.CidrIp", "10.9.0.0/16"));
        await Call("RevokeSecurityGroupEgress", ("GroupId", group),
            ("IpPermissions.1.IpProtocol", "udp"), ("IpPermissions.1.FromPort", "53"), ("IpPermissions.1.ToPort", "53"),
            ("IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.2/32"));
        // Routing: a table with an internet route for the subnet, a network ACL with entries.
        var peerVpc = Value(await Call("CreateVpc", ("CidrBlock", "10.200.0.0/16")), "vpcId");
        var peering = Value(await Call("CreateVpcPeeringConnection", ("VpcId", vpc), ("PeerVpcId", peerVpc),
            ("TagSpecification.1.ResourceType", "vpc-peering-connection"), ("TagSpecification.1.Tag.1.Key", "k")), "vpcPeeringConnectionId");
        await Call("AcceptVpcPeeringConnection", ("VpcPeeringConnectionId", peering));
        await Call("ModifyVpcPeeringConnectionOptions", ("VpcPeeringConnectionId", peering),
            ("AccepterPeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc", "true"), ("RequesterPeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc", "true"));
        await Call("DescribeVpcPeeringConnections");
        await Call("DeleteVpcPeeringConnection", ("VpcPeeringConnectionId", peering));
        var rejected = Value(await Call("CreateVpcPeeringConnection", ("VpcId", vpc), ("PeerVpcId", peerVpc)), "vpcPeeringConnectionId");
        await Call("RejectVpcPeeringConnection", ("VpcPeeringConnectionId", rejected));
        var vpnGateway = Value(await Call("CreateVpnGateway", ("Type", "ipsec.1"), ("AmazonSideAsn", "64600"),
            ("TagSpecification.1.ResourceType", "vpn-gateway"), ("TagSpecification.1.Tag.1.Key", "k")), "vpnGatewayId");
        await Call("AttachVpnGateway", ("VpnGatewayId", vpnGateway), ("VpcId", vpc));
        var mainOfVpc = (await Call("DescribeRouteTables", ("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", vpc))).Descendants(Ns + "routeTableId").First().Value;
        await Call("EnableVgwRoutePropagation", ("GatewayId", vpnGateway), ("RouteTableId", mainOfVpc));
        await Call("DescribeRouteTables", ("RouteTableId.1", mainOfVpc));
        await Call("DisableVgwRoutePropagation", ("GatewayId", vpnGateway), ("RouteTableId", mainOfVpc));
        await Call("DetachVpnGateway", ("VpnGatewayId", vpnGateway), ("VpcId", vpc));
        await Call("DescribeVpnGateways");
        await Call("DeleteVpnGateway", ("VpnGatewayId", vpnGateway));
        var ownList = Value(await Call("CreateManagedPrefixList", ("PrefixListName", "offices"), ("AddressFamily", "IPv4"), ("MaxEntries", "3"),
            ("Entry.1.Cidr", "192.0.2.0/24"), ("Entry.1.Description", "hq"),
            ("TagSpecification.1.ResourceType", "prefix-list"), ("TagSpecification.1.Tag.1.Key", "k")), "prefixListId");
        await Call("ModifyManagedPrefixList", ("PrefixListId", ownList), ("CurrentVersion", "1"), ("AddEntry.1.Cidr", "198.51.100.0/24"));
        await Call("GetManagedPrefixListEntries", ("PrefixListId", ownList));
        await Call("DescribeManagedPrefixLists", ("PrefixListId.1", ownList));
        await Call("DeleteManagedPrefixList", ("PrefixListId", ownList));
        var options = Value(await Call("CreateDhcpOptions", ("DhcpConfiguration.1.Key", "domain-name"), ("DhcpConfiguration.1.Value.1", "corp.example"),
            ("DhcpConfiguration.2.Key", "domain-name-servers"), ("DhcpConfiguration.2.Value.1", "10.0.0.2"),
            ("TagSpecification.1.ResourceType", "dhcp-options"), ("TagSpecification.1.Tag.1.Key", "k")), "dhcpOptionsId");
        await Call("AssociateDhcpOptions", ("DhcpOptionsId", options), ("VpcId", vpc));
        await Call("DescribeDhcpOptions");
        await Call("AssociateDhcpOptions", ("DhcpOptionsId", "default"), ("VpcId", vpc));
        await Call("DeleteDhcpOptions", ("DhcpOptionsId", options));
        var customerGateway = Value(await Call("CreateCustomerGateway", ("Type", "ipsec.1"), ("IpAddress", "203.0.113.9"), ("DeviceName", "edge"),
            ("TagSpecification.1.ResourceType", "customer-gateway"), ("TagSpecification.1.Tag.1.Key", "k")), "customerGatewayId");
        await Call("DescribeCustomerGateways");
        await Call("DeleteCustomerGateway", ("CustomerGatewayId", customerGateway));
        var gateway = Value(await Call("CreateInternetGateway"), "internetGatewayId");
        await Call("AttachInternetGateway", ("InternetGatewayId", gateway), ("VpcId", vpc));
        var table = Value(await Call("CreateRouteTable", ("VpcId", vpc)), "routeTableId");
        await Call("CreateRoute", ("RouteTableId", table), ("DestinationCidrBlock", "0.0.0.0/0"), ("GatewayId", gateway));
        await Call("ReplaceRoute", ("RouteTableId", table), ("DestinationCidrBlock", "0.0.0.0/0"), ("GatewayId", gateway));
        var tableAssociation = Value(await Call("AssociateRouteTable", ("RouteTableId", table), ("SubnetId", subnet)), "associationId");
        var mainTable = (await Call("DescribeRouteTables", ("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", vpc),
                ("Filter.2.Name", "association.main"), ("Filter.2.Value.1", "true")))
            .Descendants(Ns + "routeTableId").First().Value;
        tableAssociation = Value(await Call("ReplaceRouteTableAssociation", ("AssociationId", tableAssociation), ("RouteTableId", mainTable)), "newAssociationId");
        await Call("DisassociateRouteTable", ("AssociationId", tableAssociation));
        await Call("DeleteRoute", ("RouteTableId", table), ("DestinationCidrBlock", "0.0.0.0/0"));
        await Call("DeleteRouteTable", ("RouteTableId", table));
        await Call("DescribeInternetGateways");
        await Call("DetachInternetGateway", ("InternetGatewayId", gateway), ("VpcId", vpc));
        await Call("DeleteInternetGateway", ("InternetGatewayId", gateway));
        var acl = Value(await Call("CreateNetworkAcl", ("VpcId", vpc)), "networkAclId");
        await Call("CreateNetworkAclEntry", ("NetworkAclId", acl), ("RuleNumber", "100"), ("Protocol", "6"), ("RuleAction", "allow"),
            ("Egress", "false"), ("CidrBlock", "10.0.0.0/16"), ("PortRange.From", "443"), ("PortRange.To", "443"));
        await Call("ReplaceNetworkAclEntry", ("NetworkAclId", acl), ("RuleNumber", "100"), ("Protocol", "1"), ("RuleAction", "deny"),
            ("Egress", "false"), ("CidrBlock", "10.0.0.0/16"), ("Icmp.Type", "8"), ("Icmp.Code", "-1"));
        var aclAssociation = (await Call("DescribeNetworkAcls", ("Filter.1.Name", "association.subnet-id"), ("Filter.1.Value.1", subnet)))
            .Descendants(Ns + "networkAclAssociationId").First().Value;
        var defaultAcl = replies["DescribeNetworkAcls"].Descendants(Ns + "networkAclId").First().Value;
        aclAssociation = Value(await Call("ReplaceNetworkAclAssociation", ("AssociationId", aclAssociation), ("NetworkAclId", acl)), "newAssociationId");
        await Call("DescribeNetworkAcls");
        await Call("ReplaceNetworkAclAssociation", ("AssociationId", aclAssociation), ("NetworkAclId", defaultAcl));
        await Call("DeleteNetworkAclEntry", ("NetworkAclId", acl), ("RuleNumber", "100"), ("Egress", "false"));
        await Call("DeleteNetworkAcl", ("NetworkAclId", acl));

        // Interfaces, instances, Elastic IPs and NAT gateways, in a second VPC with an internet gateway.
        var vpc2 = Value(await Call("CreateVpc", ("CidrBlock", "10.8.0.0/16")), "vpcId");
        var subnet2 = Value(await Call("CreateSubnet", ("VpcId", vpc2), ("CidrBlock", "10.8.1.0/24")), "subnetId");
        var gateway2 = Value(await Call("CreateInternetGateway"), "internetGatewayId");
        await Call("AttachInternetGateway", ("InternetGatewayId", gateway2), ("VpcId", vpc2));
        var eni = Value(await Call("CreateNetworkInterface", ("SubnetId", subnet2), ("Description", "app"),
            ("SecondaryPrivateIpAddressCount", "1")), "networkInterfaceId");
        await Call("ModifyNetworkInterfaceAttribute", ("NetworkInterfaceId", eni), ("SourceDestCheck.Value", "false"));
        var assigned = Value(await Call("AssignPrivateIpAddresses", ("NetworkInterfaceId", eni), ("SecondaryPrivateIpAddressCount", "1")),
            "privateIpAddress");
        await Call("UnassignPrivateIpAddresses", ("NetworkInterfaceId", eni), ("PrivateIpAddress.1", assigned));
        var instance = Value(await Call("RunInstances", ("ImageId", "ami-0123456789abcdef0"), ("MinCount", "1"), ("MaxCount", "1"),
            ("NetworkInterface.1.DeviceIndex", "0"), ("NetworkInterface.1.NetworkInterfaceId", eni)), "instanceId");
        var extra = Value(await Call("CreateNetworkInterface", ("SubnetId", subnet2)), "networkInterfaceId");
        var extraAttachment = Value(await Call("AttachNetworkInterface", ("NetworkInterfaceId", extra), ("InstanceId", instance), ("DeviceIndex", "1")),
            "attachmentId");
        await Call("DetachNetworkInterface", ("AttachmentId", extraAttachment));
        await Call("DeleteNetworkInterface", ("NetworkInterfaceId", extra));
        var allocation = Value(await Call("AllocateAddress", ("Domain", "vpc")), "allocationId");
        var eipAssociation = Value(await Call("AssociateAddress", ("AllocationId", allocation), ("InstanceId", instance)), "associationId");
        await Call("DescribeAddresses");
        await Call("DescribeNetworkInterfaces");
        await Call("DescribeInstances");
        await Call("DescribeVolumes");
        await Call("DescribeImages", ("Owner.1", "amazon"));
        await Call("DescribeInstanceTypes", ("InstanceType.1", "t3.micro"));
        await Call("DescribeInstanceAttribute", ("InstanceId", instance), ("Attribute", "groupSet"));
        await Call("DescribeInstanceCreditSpecifications");
        await Call("DescribeInstanceStatus");
        await Call("StopInstances", ("InstanceId.1", instance));
        await Call("StartInstances", ("InstanceId.1", instance));
        var found = Value(await Call("CreateNetworkInsightsPath", ("Source", instance), ("Destination", gateway2), ("DestinationIp", "10.0.1.200"), ("Protocol", "tcp"),
            ("DestinationPort", "443"), ("ClientToken", "path-1"), ("TagSpecification.1.ResourceType", "network-insights-path"), ("TagSpecification.1.Tag.1.Key", "k")), "networkInsightsPathId");
        var noRoute = Value(await Call("CreateNetworkInsightsPath", ("Source", instance), ("Destination", gateway2), ("DestinationIp", "192.0.2.1"), ("Protocol", "tcp"),
            ("DestinationPort", "443"), ("ClientToken", "path-2")), "networkInsightsPathId");
        await Call("DescribeNetworkInsightsPaths");
        var analysis = Value(await Call("StartNetworkInsightsAnalysis", ("NetworkInsightsPathId", found), ("ClientToken", "analysis-1")), "networkInsightsAnalysisId");
        var blocked = Value(await Call("StartNetworkInsightsAnalysis", ("NetworkInsightsPathId", noRoute), ("ClientToken", "analysis-2")), "networkInsightsAnalysisId");
        await Call("DescribeNetworkInsightsAnalyses");
        Assert.Contains(replies["DescribeNetworkInsightsAnalyses"].Descendants(Ns + "explanationSet"), _ => true);
        foreach (var (a, path) in new[] { (analysis, found), (blocked, noRoute) })
        {
            await Call("DeleteNetworkInsightsAnalysis", ("NetworkInsightsAnalysisId", a));
            await Call("DeleteNetworkInsightsPath", ("NetworkInsightsPathId", path));
        }
        await Call("DisassociateAddress", ("AssociationId", eipAssociation));
        var nat = Value(await Call("CreateNatGateway", ("SubnetId", subnet2), ("AllocationId", allocation)), "natGatewayId");
        await Call("DescribeNatGateways");
        await Call("DeleteNatGateway", ("NatGatewayId", nat));
        await Call("ReleaseAddress", ("AllocationId", allocation));
        await Call("TerminateInstances", ("InstanceId.1", instance));
        await Call("DeleteNetworkInterface", ("NetworkInterfaceId", eni));

        // Endpoints: the catalog, an interface endpoint, a gateway endpoint and its prefix list.
        await Call("DescribeVpcEndpointServices");
        await Call("ModifyVpcAttribute", ("VpcId", vpc2), ("EnableDnsHostnames.Value", "true"));
        var interfaceEndpoint = Value(await Call("CreateVpcEndpoint", ("VpcId", vpc2), ("VpcEndpointType", "Interface"),
            ("ServiceName", "com.amazonaws.us-east-1.kms"), ("SubnetId.1", subnet2), ("ClientToken", "conformance")), "vpcEndpointId");
        var table2 = Value(await Call("CreateRouteTable", ("VpcId", vpc2)), "routeTableId");
        var gatewayEndpoint = Value(await Call("CreateVpcEndpoint", ("VpcId", vpc2), ("ServiceName", "com.amazonaws.us-east-1.s3"),
            ("RouteTableId.1", table2)), "vpcEndpointId");
        await Call("ModifyVpcEndpoint", ("VpcEndpointId", interfaceEndpoint), ("PrivateDnsEnabled", "false"));
        await Call("DescribeVpcEndpoints");
        var prefixList = Value(await Call("DescribePrefixLists"), "prefixListId");
        await Call("DescribeManagedPrefixLists");
        await Call("GetManagedPrefixListEntries", ("PrefixListId", prefixList));
        await Call("DeleteVpcEndpoints", ("VpcEndpointId.1", interfaceEndpoint), ("VpcEndpointId.2", gatewayEndpoint),
            ("VpcEndpointId.3", "vpce-0000000000000000f"));

        // The provider side, with this account as provider and consumer.
        XNamespace elb = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
        var balancerArn = (await RawEc2.PostAsync(fixture.Server, account, ("Action", "CreateLoadBalancer"), ("Version", "2015-12-01"),
            ("Name", "conformance"), ("Type", "network"), ("Scheme", "internal"), ("Subnets.member.1", subnet2))).Xml.Descendants(elb + "LoadBalancerArn").First().Value;
        var service = Value(await Call("CreateVpcEndpointServiceConfiguration", ("NetworkLoadBalancerArn.1", balancerArn),
            ("AcceptanceRequired", "true"), ("PrivateDnsName", "svc.example.com")), "serviceId");
        await Call("ModifyVpcEndpointServiceConfiguration", ("ServiceId", service), ("AcceptanceRequired", "true"));
        await Call("StartVpcEndpointServicePrivateDnsVerification", ("ServiceId", service));
        await Call("ModifyVpcEndpointServicePermissions", ("ServiceId", service), ("AddAllowedPrincipals.1", "arn:aws:iam::111111111111:root"));
        await Call("DescribeVpcEndpointServicePermissions", ("ServiceId", service));
        await Call("DescribeVpcEndpointServiceConfigurations");
        var serviceName = Value(replies["DescribeVpcEndpointServiceConfigurations"], "serviceName");
        var toProvider = Value(await Call("CreateVpcEndpoint", ("VpcId", vpc2), ("VpcEndpointType", "Interface"), ("ServiceName", serviceName),
            ("SubnetId.1", subnet2)), "vpcEndpointId");
        await Call("DescribeVpcEndpointServices");
        await Call("AcceptVpcEndpointConnections", ("ServiceId", service), ("VpcEndpointId.1", toProvider));
        await Call("DescribeVpcEndpointConnections");
        await Call("RejectVpcEndpointConnections", ("ServiceId", service), ("VpcEndpointId.1", toProvider), ("VpcEndpointId.2", "vpce-0000000000000000f"));
        await Call("DeleteVpcEndpoints", ("VpcEndpointId.1", toProvider));
        var notification = Value(await Call("CreateVpcEndpointConnectionNotification", ("ServiceId", service),
            ("ConnectionNotificationArn", "arn:aws:sns:us-east-1:111111111111:endpoints"), ("ConnectionEvents.1", "Connect"),
            ("ConnectionEvents.2", "Accept")), "connectionNotificationId");
        await Call("ModifyVpcEndpointConnectionNotification", ("ConnectionNotificationId", notification), ("ConnectionEvents.1", "Reject"));
        await Call("DescribeVpcEndpointConnectionNotifications");
        await Call("DeleteVpcEndpointConnectionNotifications", ("ConnectionNotificationId.1", notification), ("ConnectionNotificationId.2", "vpce-nfn-0000000000000000f"));
        await Call("DeleteVpcEndpointServiceConfigurations", ("ServiceId.1", service));
        await Call("CreateTags", ("ResourceId.1", subnet), ("Tag.1.Key", "a"), ("Tag.1.Value", "b"));
        await Call("DescribeTags");
        await Call("DeleteTags", ("ResourceId.1", subnet), ("Tag.1.Key", "a"));
        await Call("DeleteSecurityGroup", ("GroupId", group));
        await Call("DeleteSubnet", ("SubnetId", subnet));
        await Call("DeleteVpc", ("VpcId", vpc));

        // Dual stack: IPv6 blocks of the VPC and the subnet, IPv6 addresses, an egress-only gateway.
        var vpc6 = Value(await Call("CreateVpc", ("CidrBlock", "10.6.0.0/16"), ("AmazonProvidedIpv6CidrBlock", "true")), "vpcId");
        var block6 = Value(replies["CreateVpc"], "ipv6CidrBlock");
        var second6 = Value(await Call("AssociateVpcCidrBlock", ("VpcId", vpc6), ("AmazonProvidedIpv6CidrBlock", "true")), "associationId");
        await Call("DisassociateVpcCidrBlock", ("AssociationId", second6));
        var subnet6 = Value(await Call("CreateSubnet", ("VpcId", vpc6), ("CidrBlock", "10.6.1.0/24"), ("Ipv6CidrBlock", block6.Replace("/56", "/64"))), "subnetId");
        var subnetBlock = Value(await Call("DisassociateSubnetCidrBlock", ("AssociationId", Value(replies["CreateSubnet"], "associationId"))), "ipv6CidrBlock");
        await Call("AssociateSubnetCidrBlock", ("SubnetId", subnet6), ("Ipv6CidrBlock", subnetBlock));
        var eni6 = Value(await Call("CreateNetworkInterface", ("SubnetId", subnet6), ("Ipv6AddressCount", "1")), "networkInterfaceId");
        var address6 = Value(await Call("AssignIpv6Addresses", ("NetworkInterfaceId", eni6), ("Ipv6AddressCount", "1")), "item");
        await Call("UnassignIpv6Addresses", ("NetworkInterfaceId", eni6), ("Ipv6Addresses.1", address6));
        var eigw = Value(await Call("CreateEgressOnlyInternetGateway", ("VpcId", vpc6)), "egressOnlyInternetGatewayId");
        await Call("DescribeEgressOnlyInternetGateways");
        await Call("DeleteEgressOnlyInternetGateway", ("EgressOnlyInternetGatewayId", eigw));
        var flowLog = Value(await Call("CreateFlowLogs", ("ResourceType", "VPC"), ("ResourceId.1", vpc6), ("TrafficType", "ALL"),
            ("LogDestinationType", "s3"), ("LogDestination", "arn:aws:s3:::flows"), ("TagSpecification.1.ResourceType", "vpc-flow-log"),
            ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", "flows")), "item");
        await Call("DescribeFlowLogs");
        await Call("DeleteFlowLogs", ("FlowLogId.1", flowLog));
        await Call("DeleteNetworkInterface", ("NetworkInterfaceId", eni6));
        await Call("DeleteSubnet", ("SubnetId", subnet6));
        await Call("DeleteVpc", ("VpcId", vpc6));
        var defaultVpc = replies["DescribeVpcs"].Descendants(Ns + "item")
            .First(i => i.Element(Ns + "isDefault")?.Value == "true").Element(Ns + "vpcId")!.Value;
        foreach (var s in replies["DescribeSubnets"].Descendants(Ns + "subnetId").Select(e => e.Value).Where(s => s != subnet))
            await Call("DeleteSubnet", ("SubnetId", s));
        var defaultGateway = Value(await Call("DescribeInternetGateways", ("Filter.1.Name", "attachment.vpc-id"), ("Filter.1.Value.1", defaultVpc)),
            "internetGatewayId");
        await Call("DetachInternetGateway", ("InternetGatewayId", defaultGateway), ("VpcId", defaultVpc));
        await Call("DeleteInternetGateway", ("InternetGatewayId", defaultGateway));
        await Call("DeleteVpc", ("VpcId", defaultVpc));
        await Call("CreateDefaultVpc");

        Assert.Equal(ActionTable.Handlers.Keys.Order(), replies.Keys.Order());
        var problems = replies.SelectMany(r => ModelValidator.Problems(r.Key, r.Value)).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void ModelValidator_FlagsNamesTheModelLacks()
    {
        var document = XDocument.Parse($"""
            <DescribeVpcsResponse xmlns="{Ns}"><requestId>1</requestId>
              <vpcSet><item><vpcID>vpc-1</vpcID><isDefault>yes</isDefault></item><vpc/></vpcSet>
            </DescribeVpcsResponse>
            """);
        var problems = ModelValidator.Problems("DescribeVpcs", document);
        Assert.Equal(3, problems.Count); // vpcID (case), isDefault (not a boolean), <vpc> instead of <item>
    }

    [Fact]
    public async Task ErrorDocument_HasEc2Shape()
    {
        // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
        var reply = await RawEc2.PostAsync(fixture.Server, ServerFixture.NewAccount(), ("Action", "DeleteVpc"), ("Version", "2016-11-15"), ("VpcId", "vpc-0123456789abcdef0"));
        var root = reply.Xml.Root!;
        Assert.Equal("Response", root.Name.LocalName);
        Assert.Equal(["Errors", "RequestID"], root.Elements().Select(e => e.Name.LocalName));
        var error = root.Element("Errors")!.Element("Error")!;
        Assert.Equal(["Code", "Message"], error.Elements().Select(e => e.Name.LocalName));
        Assert.True(Guid.TryParse(root.Element("RequestID")!.Value, out _));
    }
}
