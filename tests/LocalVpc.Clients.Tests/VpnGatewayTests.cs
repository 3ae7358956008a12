namespace LocalVpc.Clients.Tests;

/// <summary>Virtual private gateways through the AWS SDK for .NET: one VPC each, detach before delete, propagation, and routes.</summary>
public sealed class VpnGatewayTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly AmazonEC2Client _ec2 = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());

    private async Task<string> Code(Func<Task> call) => (await Assert.ThrowsAsync<AmazonEC2Exception>(call)).ErrorCode;

    private async Task<VpnGateway> DescribeAsync(string id) =>
        Assert.Single((await _ec2.DescribeVpnGatewaysAsync(new DescribeVpnGatewaysRequest { VpnGatewayIds = [id] })).VpnGateways);

    [Fact]
    public async Task AGateway_AttachesToOneVpc_ShowsDetachedAfterwards_AndIsDeletedOnlyWhenDetached()
    {
        var created = (await _ec2.CreateVpnGatewayAsync(new CreateVpnGatewayRequest { Type = GatewayType.Ipsec1 })).VpnGateway;
        Assert.Equal((64512L, "available"), (created.AmazonSideAsn!.Value, created.State.Value));
        var id = created.VpnGatewayId;
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var other = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" })).Vpc.VpcId;

        var attachment = (await _ec2.AttachVpnGatewayAsync(new AttachVpnGatewayRequest { VpnGatewayId = id, VpcId = vpc })).VpcAttachment;
        Assert.Equal((vpc, AttachmentStatus.Attached), (attachment.VpcId, attachment.State));
        Assert.Equal("VpnGatewayAttachmentLimitExceeded", await Code(() => _ec2.AttachVpnGatewayAsync(new AttachVpnGatewayRequest { VpnGatewayId = id, VpcId = other })));
        Assert.Equal("IncorrectState", await Code(() => _ec2.DeleteVpnGatewayAsync(new DeleteVpnGatewayRequest { VpnGatewayId = id })));
        Assert.Equal("DependencyViolation", await Code(() => _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc })));

        var table = (await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new("vpc-id", [vpc])] })).RouteTables[0].RouteTableId;
        await _ec2.EnableVgwRoutePropagationAsync(new EnableVgwRoutePropagationRequest { GatewayId = id, RouteTableId = table });
        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "192.168.0.0/16", GatewayId = id });
        var routed = (await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [table] })).RouteTables[0];
        Assert.Equal(id, Assert.Single(routed.PropagatingVgws).GatewayId);
        Assert.Equal(RouteState.Active, routed.Routes.Single(r => r.GatewayId == id).State);

        await _ec2.DetachVpnGatewayAsync(new DetachVpnGatewayRequest { VpnGatewayId = id, VpcId = vpc });
        Assert.Equal((vpc, AttachmentStatus.Detached), (Assert.Single((await DescribeAsync(id)).VpcAttachments) is var a ? (a.VpcId, a.State) : default));
        Assert.Equal("InvalidVpnGatewayAttachment.NotFound", await Code(() => _ec2.DetachVpnGatewayAsync(new DetachVpnGatewayRequest { VpnGatewayId = id, VpcId = vpc })));
        var after = (await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [table] })).RouteTables[0];
        Assert.Equal(RouteState.Blackhole, after.Routes.Single(r => r.GatewayId == id).State);

        await _ec2.DeleteVpnGatewayAsync(new DeleteVpnGatewayRequest { VpnGatewayId = id });
        Assert.Equal("InvalidVpnGatewayID.NotFound", await Code(() => DescribeAsync(id)));
        Assert.Empty((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [table] })).RouteTables[0].PropagatingVgws ?? []);
    }

    [Theory]
    [InlineData(64511L)] // public, just below the private range
    [InlineData(4294967295L)]
    public async Task APublicAmazonSideAsn_IsRefused(long asn)
    {
        Assert.Equal("InvalidParameterValue", await Code(() => _ec2.CreateVpnGatewayAsync(new CreateVpnGatewayRequest { Type = GatewayType.Ipsec1, AmazonSideAsn = asn })));
        Assert.Empty((await _ec2.DescribeVpnGatewaysAsync(new DescribeVpnGatewaysRequest())).VpnGateways ?? []);
    }
}
