namespace LocalVpc.Clients.Tests.Terraform;

/// <summary><c>Configurations/endpoints</c>: the consumer side with interface and gateway endpoints, the VPC data sources, and VPN objects.</summary>
public sealed class EndpointsConfigurationTests(ServerFixture fixture) : TerraformConfigurationTests(fixture), IClassFixture<ServerFixture>
{
    protected override string Configuration => "endpoints";

    protected override async Task CheckAppliedAsync(TerraformCli terraform, IReadOnlyDictionary<string, string> accounts)
    {
        var ec2 = Sdk.Ec2(Server, accounts["account"]);
        var endpoints = (await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest())).VpcEndpoints;
        var kms = Assert.Single(endpoints, e => e.ServiceName == "com.amazonaws.us-east-1.kms");
        Assert.Single(kms.SubnetIds); // added by aws_vpc_endpoint_subnet_association
        Assert.True(Assert.Single(endpoints, e => e.ServiceName == "com.amazonaws.us-east-1.sts").PrivateDnsEnabled); // aws_vpc_endpoint_private_dns
        Assert.True(kms.PrivateDnsEnabled);
        var s3 = Assert.Single(endpoints, e => e.ServiceName == "com.amazonaws.us-east-1.s3");
        Assert.Single(s3.RouteTableIds);
        Assert.Contains("s3:GetObject", s3.PolicyDocument);
        var gateways = (await ec2.DescribeCustomerGatewaysAsync(new DescribeCustomerGatewaysRequest())).CustomerGateways;
        Assert.Equal(["4200000000", "65000"], gateways.Select(g => g.BgpAsn ?? g.BgpAsnExtended).Order());
        var vpnGateways = (await ec2.DescribeVpnGatewaysAsync(new DescribeVpnGatewaysRequest())).VpnGateways;
        Assert.Equal([64512L, 64600L], vpnGateways.Select(g => g.AmazonSideAsn ?? 0).Order());
        Assert.All(vpnGateways, g => Assert.Equal(AttachmentStatus.Attached, Assert.Single(g.VpcAttachments).State));
        var propagating = (await ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new("tag:Name", ["private"])] })).RouteTables.Single();
        Assert.Equal(vpnGateways.Single(g => g.AmazonSideAsn == 64600).VpnGatewayId, Assert.Single(propagating.PropagatingVgws).GatewayId);
        var account = await terraform.RunAsync("output", "-raw", "account");
        Assert.Equal(accounts["account"], account.Output.Trim()); // from STS GetCallerIdentity
    }
}
