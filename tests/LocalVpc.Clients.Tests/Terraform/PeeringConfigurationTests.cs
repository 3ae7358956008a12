namespace LocalVpc.Clients.Tests.Terraform;

/// <summary><c>Configurations/peering</c>: peering within one account and across two, options, routes and a group that names the peer's.</summary>
public sealed class PeeringConfigurationTests(ServerFixture fixture) : TerraformConfigurationTests(fixture), IClassFixture<ServerFixture>
{
    protected override string Configuration => "peering";

    protected override IEnumerable<string> AccountVariables => ["account", "peer_account"];

    protected override async Task CheckAppliedAsync(TerraformCli terraform, IReadOnlyDictionary<string, string> accounts)
    {
        var requester = Sdk.Ec2(Server, accounts["account"]);
        var accepter = Sdk.Ec2(Server, accounts["peer_account"]);
        var seen = (await accepter.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest())).VpcPeeringConnections;
        var shared = Assert.Single(seen); // the accepter sees only the connection to its VPC
        Assert.Equal(VpcPeeringConnectionStateReasonCode.Active, shared.Status.Code);
        Assert.True(shared.AccepterVpcInfo.PeeringOptions.AllowDnsResolutionFromRemoteVpc);
        Assert.True(shared.RequesterVpcInfo.PeeringOptions.AllowDnsResolutionFromRemoteVpc);
        Assert.Equal(2, (await requester.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest())).VpcPeeringConnections.Count);

        var main = (await requester.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new("vpc-id", [shared.RequesterVpcInfo.VpcId]), new("association.main", ["true"])],
        })).RouteTables.Single();
        Assert.Equal(2, main.Routes.Count(r => r.VpcPeeringConnectionId is not null && r.State == RouteState.Active));

        var db = Assert.Single((await accepter.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new("group-name", ["db"])] })).SecurityGroups);
        var pair = Assert.Single(Assert.Single(db.IpPermissions).UserIdGroupPairs);
        Assert.Equal(accounts["account"], pair.UserId);
        Assert.Equal("active", (await terraform.RunAsync("output", "-raw", "peering_status")).Output.Trim());
    }
}
