namespace LocalVpc.Clients.Tests;

/// <summary>VPC peering between two accounts through the AWS SDK for .NET: each side's view, who may answer, and what fails.</summary>
public sealed class PeeringTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly string _requester = ServerFixture.NewAccount();
    private readonly string _accepter = ServerFixture.NewAccount();

    private AmazonEC2Client Requester => Sdk.Ec2(fixture.Server, _requester);
    private AmazonEC2Client Accepter => Sdk.Ec2(fixture.Server, _accepter);

    private static async Task<string> Code(Func<Task> call) => (await Assert.ThrowsAsync<AmazonEC2Exception>(call)).ErrorCode;

    private static async Task<string> VpcAsync(AmazonEC2Client ec2, string cidr) =>
        (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr })).Vpc.VpcId;

    private static async Task<VpcPeeringConnection> DescribeAsync(AmazonEC2Client ec2, string id) =>
        Assert.Single((await ec2.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest { VpcPeeringConnectionIds = [id] }))
            .VpcPeeringConnections);

    [Fact]
    public async Task ARequest_IsPendingOnBothSides_OnlyTheAccepterAnswers_AndEachSideSetsItsOwnOptions()
    {
        var vpc = await VpcAsync(Requester, "10.0.0.0/16");
        var peerVpc = await VpcAsync(Accepter, "10.1.0.0/16");
        var created = (await Requester.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest
        {
            VpcId = vpc, PeerVpcId = peerVpc, PeerOwnerId = _accepter,
            TagSpecifications = [new() { ResourceType = ResourceType.VpcPeeringConnection, Tags = [new("Name", "to-shared")] }],
        })).VpcPeeringConnection;
        Assert.Equal(VpcPeeringConnectionStateReasonCode.InitiatingRequest, created.Status.Code);
        var id = created.VpcPeeringConnectionId;

        var seen = await DescribeAsync(Accepter, id);
        Assert.Equal((VpcPeeringConnectionStateReasonCode.PendingAcceptance, vpc, _requester), (seen.Status.Code, seen.RequesterVpcInfo.VpcId, seen.RequesterVpcInfo.OwnerId));
        Assert.Empty(seen.Tags ?? []); // tags are each account's own
        Assert.Equal("to-shared", Assert.Single((await DescribeAsync(Requester, id)).Tags).Value);
        Assert.Equal("OperationNotPermitted", await Code(() => Requester.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id })));
        var options = new ModifyVpcPeeringConnectionOptionsRequest
        {
            VpcPeeringConnectionId = id, RequesterPeeringConnectionOptions = new PeeringConnectionOptionsRequest { AllowDnsResolutionFromRemoteVpc = true },
        };
        Assert.Equal("OperationNotPermitted", await Code(() => Requester.ModifyVpcPeeringConnectionOptionsAsync(options))); // not active yet

        var accepted = (await Accepter.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id })).VpcPeeringConnection;
        Assert.Equal(VpcPeeringConnectionStateReasonCode.Active, accepted.Status.Code);
        Assert.Equal("10.1.0.0/16", accepted.AccepterVpcInfo.CidrBlock);
        Assert.Equal("InvalidStateTransition", await Code(() => Accepter.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id })));

        Assert.Equal("OperationNotPermitted", await Code(() => Accepter.ModifyVpcPeeringConnectionOptionsAsync(options))); // the requester's side
        await Requester.ModifyVpcPeeringConnectionOptionsAsync(options);
        Assert.True((await DescribeAsync(Accepter, id)).RequesterVpcInfo.PeeringOptions.AllowDnsResolutionFromRemoteVpc);

        await Accepter.DeleteVpcPeeringConnectionAsync(new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });
        Assert.Equal(VpcPeeringConnectionStateReasonCode.Deleted, (await DescribeAsync(Requester, id)).Status.Code);
    }

    [Fact]
    public async Task ARequestToOverlappingBlocks_Fails_AndTheAccepterNeverSeesIt()
    {
        var vpc = await VpcAsync(Requester, "10.0.0.0/16");
        var peerVpc = await VpcAsync(Accepter, "10.0.128.0/17");
        var id = (await Requester.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest { VpcId = vpc, PeerVpcId = peerVpc, PeerOwnerId = _accepter }))
            .VpcPeeringConnection.VpcPeeringConnectionId;

        Assert.Equal(VpcPeeringConnectionStateReasonCode.Failed, (await DescribeAsync(Requester, id)).Status.Code);
        Assert.Equal("InvalidVpcPeeringConnectionID.NotFound", await Code(() => DescribeAsync(Accepter, id)));
    }

    [Fact]
    public async Task RoutesAndGroupReferences_NeedTheConnection_AndTurnBlackholeWhenItGoes()
    {
        var vpc = await VpcAsync(Requester, "10.2.0.0/16");
        var peerVpc = await VpcAsync(Accepter, "10.3.0.0/16");
        var id = (await Requester.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest { VpcId = vpc, PeerVpcId = peerVpc, PeerOwnerId = _accepter }))
            .VpcPeeringConnection.VpcPeeringConnectionId;
        var group = (await Requester.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = "app", Description = "app" })).GroupId;
        var peerGroup = (await Accepter.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = peerVpc, GroupName = "db", Description = "db" })).GroupId;
        var reference = new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = peerGroup,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, UserIdGroupPairs = [new UserIdGroupPair { GroupId = group, UserId = _requester }] }],
        };
        Assert.Equal("InvalidGroup.NotFound", await Code(() => Accepter.AuthorizeSecurityGroupIngressAsync(reference))); // pending: not peered yet

        await Accepter.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });
        await Accepter.AuthorizeSecurityGroupIngressAsync(reference);

        var table = (await Requester.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new("vpc-id", [vpc])] })).RouteTables[0].RouteTableId;
        await Requester.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "10.3.0.0/16", VpcPeeringConnectionId = id });
        async Task<string> RouteState() => (await Requester.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [table] }))
            .RouteTables[0].Routes.Single(r => r.VpcPeeringConnectionId == id).State.Value;
        Assert.Equal("active", await RouteState());
        await Requester.DeleteVpcPeeringConnectionAsync(new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });
        Assert.Equal("blackhole", await RouteState());
        Assert.Equal("InvalidVpcPeeringConnectionID.NotFound", await Code(() => Requester.CreateRouteAsync(new CreateRouteRequest
        {
            RouteTableId = table, DestinationCidrBlock = "10.9.0.0/16", VpcPeeringConnectionId = id,
        })));
    }
}
