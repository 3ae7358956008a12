namespace LocalVpc.Clients.Tests.Terraform;

/// <summary><c>Configurations/network</c>: default resources, gateways, NAT, the main route table, network ACLs, interfaces and Elastic IPs.</summary>
public sealed class NetworkConfigurationTests(ServerFixture fixture) : TerraformConfigurationTests(fixture), IClassFixture<ServerFixture>
{
    protected override string Configuration => "network";

    protected override async Task CheckAppliedAsync(TerraformCli terraform, IReadOnlyDictionary<string, string> accounts)
    {
        var ec2 = Sdk.Ec2(Server, accounts["account"]);
        var vpc = Assert.Single((await ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs, v => v.IsDefault != true);
        var flowLogs = (await ec2.DescribeFlowLogsAsync(new DescribeFlowLogsRequest())).FlowLogs;
        var vpcFlows = Assert.Single(flowLogs, f => f.ResourceId == vpc.VpcId);
        Assert.Equal(("s3", "ALL", 60, true), (vpcFlows.LogDestinationType.Value, vpcFlows.TrafficType.Value, vpcFlows.MaxAggregationInterval, vpcFlows.DestinationOptions.PerHourPartition));
        Assert.Equal(["ACCEPT", "ALL", "REJECT"], flowLogs.Select(f => f.TrafficType.Value).Order());
        Assert.Equal("app", Assert.Single(flowLogs, f => f.TrafficType == TrafficType.ACCEPT).LogGroupName);
        Assert.Equal(["10.20.0.0/16", "10.21.0.0/16"], vpc.CidrBlockAssociationSet.Select(a => a.CidrBlock).Order());
        var inVpc = new List<Filter> { new("vpc-id", [vpc.VpcId]) };
        var options = Assert.Single((await ec2.DescribeDhcpOptionsAsync(new DescribeDhcpOptionsRequest { DhcpOptionsIds = [vpc.DhcpOptionsId] })).DhcpOptions);
        Assert.Equal(["corp.example"], options.DhcpConfigurations.Single(c => c.Key == "domain-name").Values);

        var nat = Assert.Single((await ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest { Filter = inVpc })).NatGateways);
        Assert.Equal(NatGatewayState.Available, nat.State);
        var tables = (await ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = inVpc })).RouteTables;
        var main = Assert.Single(tables, t => (t.Associations ?? []).Any(a => a.Main == true));
        Assert.Contains(main.Routes, r => r.DestinationCidrBlock == "0.0.0.0/0" && r.NatGatewayId == nat.NatGatewayId);

        var instance = (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = inVpc })).Reservations
            .SelectMany(r => r.Instances).Single(i => i.State.Name == InstanceStateName.Running);
        Assert.Equal([0, 1], instance.NetworkInterfaces.Select(n => n.Attachment.DeviceIndex ?? -1).Order());
        var addresses = (await ec2.DescribeAddressesAsync(new DescribeAddressesRequest())).Addresses;
        Assert.Contains(addresses, a => a.InstanceId == instance.InstanceId);
        Assert.Contains(addresses, a => a.NetworkInterfaceId == nat.NatGatewayAddresses[0].NetworkInterfaceId);

        var groups = (await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [.. inVpc, new("interface-type", ["interface"]), new("status", ["available"])],
        })).NetworkInterfaces.Select(n => n.Groups.Select(g => g.GroupName).Order());
        Assert.Equal(["app", "extra"], Assert.Single(groups)); // aws_network_interface_sg_attachment added "extra"
    }
}
