using System.Net;

namespace LocalVpc.Clients.Tests.Terraform;

/// <summary>
/// <c>Configurations/dualstack</c>: two /56 blocks, /64 subnets (one IPv6 only), egress-only and internet gateways, IPv6 rules,
/// addresses, a dual-stack endpoint, and a service behind a dual-stack balancer that supports IPv6.
/// </summary>
public sealed class DualStackConfigurationTests(ServerFixture fixture) : TerraformConfigurationTests(fixture), IClassFixture<ServerFixture>
{
    protected override string Configuration => "dualstack";

    protected override async Task CheckAppliedAsync(TerraformCli terraform, IReadOnlyDictionary<string, string> accounts)
    {
        var ec2 = Sdk.Ec2(Server, accounts["account"]);
        var block = IPNetwork.Parse((await terraform.RunAsync("output", "-raw", "vpc_ipv6_cidr_block")).Output.Trim());
        Assert.Equal(56, block.PrefixLength);
        var address = IPAddress.Parse((await terraform.RunAsync("output", "-raw", "instance_ipv6")).Output.Trim());
        Assert.True(block.Contains(address), $"{address} is not in {block}");

        var endpoint = (await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest())).VpcEndpoints.Single();
        Assert.Equal(("dualstack", "dualstack"), (endpoint.IpAddressType.Value, endpoint.DnsOptions.DnsRecordIpType.Value));
        var interfaces = (await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = endpoint.NetworkInterfaceIds }))
            .NetworkInterfaces;
        Assert.All(interfaces, n => Assert.True(block.Contains(IPAddress.Parse(n.Ipv6Address))));
        Assert.Single((await ec2.DescribeEgressOnlyInternetGatewaysAsync(new DescribeEgressOnlyInternetGatewaysRequest())).EgressOnlyInternetGateways);
        var service = (await ec2.DescribeVpcEndpointServiceConfigurationsAsync(new DescribeVpcEndpointServiceConfigurationsRequest())).ServiceConfigurations.Single();
        Assert.Equal(["ipv4", "ipv6"], service.SupportedIpAddressTypes.Order());
        var vpc = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new("tag:Name", ["dual"])] })).Vpcs.Single();
        Assert.Equal(2, vpc.Ipv6CidrBlockAssociationSet.Count);
        var ipv6OnlyName = (await terraform.RunAsync("output", "-raw", "ipv6_only_instance_name")).Output.Trim();
        Assert.Matches(@"^i-[0-9a-f]+\.ec2\.internal$", ipv6OnlyName);
    }
}
