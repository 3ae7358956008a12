using System.Net;

namespace LocalVpc.Clients.Tests;

/// <summary>VPCs through the AWS SDK for .NET.</summary>
public sealed class VpcTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly AmazonEC2Client _ec2 = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());

    [Fact]
    public async Task DescribeVpcs_NewAccount_HasDefaultVpcWithASubnetPerZone()
    {
        // https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html: 172.31.0.0/16, a /20 per zone.
        var vpcs = (await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs;
        var vpc = Assert.Single(vpcs);
        Assert.True(vpc.IsDefault);
        Assert.Equal("172.31.0.0/16", vpc.CidrBlock);

        var subnets = (await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new("vpc-id", [vpc.VpcId])] })).Subnets;
        var zones = (await _ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest())).AvailabilityZones;
        Assert.Equal(zones.Select(z => z.ZoneName).Order(), subnets.Select(s => s.AvailabilityZone).Order());
        Assert.All(subnets, s =>
        {
            Assert.True(s.DefaultForAz);
            Assert.True(s.MapPublicIpOnLaunch);
            Assert.EndsWith("/20", s.CidrBlock);
            Assert.Equal(4096 - 5, s.AvailableIpAddressCount);
        });
        var hostnames = await _ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = vpc.VpcId, Attribute = VpcAttributeName.EnableDnsHostnames });
        Assert.True(hostnames.EnableDnsHostnames);
    }

    [Fact]
    public async Task CreateVpc_ThenDescribe_ComesWithMainRouteTableDefaultAclAndGroup()
    {
        var created = (await _ec2.CreateVpcAsync(new CreateVpcRequest()
        {
            CidrBlock = "10.0.0.0/16",
            TagSpecifications = [new() { ResourceType = ResourceType.Vpc, Tags = [new("Name", "app")] }],
        })).Vpc;
        Assert.StartsWith("vpc-", created.VpcId);
        Assert.Equal(17, created.VpcId.Length - 4);
        Assert.Equal("app", Assert.Single(created.Tags).Value);

        var described = Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [created.VpcId] })).Vpcs);
        Assert.Equal(VpcState.Available, described.State);
        Assert.False(described.IsDefault);
        Assert.Equal(created.DhcpOptionsId, described.DhcpOptionsId);

        var vpcFilter = new Amazon.EC2.Model.Filter("vpc-id", [created.VpcId]);
        var table = Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [vpcFilter, new("association.main", ["true"])] })).RouteTables);
        var route = Assert.Single(table.Routes);
        Assert.Equal(("10.0.0.0/16", "local", "active"), (route.DestinationCidrBlock, route.GatewayId, route.State.Value));

        var acl = Assert.Single((await _ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { Filters = [vpcFilter] })).NetworkAcls);
        Assert.True(acl.IsDefault);
        Assert.Equal([100, 100, 32767, 32767], acl.Entries.Select(e => e.RuleNumber!.Value).Order());

        var group = Assert.Single((await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [vpcFilter] })).SecurityGroups);
        Assert.Equal("default", group.GroupName);
        Assert.Equal(group.GroupId, Assert.Single(Assert.Single(group.IpPermissions).UserIdGroupPairs).GroupId);
        Assert.Equal("0.0.0.0/0", Assert.Single(Assert.Single(group.IpPermissionsEgress).Ipv4Ranges).CidrIp);
    }

    [Theory]
    [InlineData("10.0.0.0/33", "InvalidParameterValue")]
    [InlineData("10.0.0.1/16", "InvalidParameterValue")]
    [InlineData("not-a-cidr", "InvalidParameterValue")]
    [InlineData("10.0.0.0/8", "InvalidVpc.Range")]
    [InlineData("10.0.0.0/29", "InvalidVpc.Range")]
    public async Task CreateVpc_BadCidr_ReturnsAwsErrorAndCreatesNothing(string cidr, string code)
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr }));
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs);
    }

    [Fact]
    public async Task CreateVpc_WithIpv6_GetsAmazonsBlock_AndPoolsThatDoNotExistAreRefused_AndAMalformedBlockGetsAwsError()
    {
        async Task<string> Refusal(CreateVpcRequest request, string code = "InvalidParameterValue")
        {
            var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateVpcAsync(request));
            Assert.Equal(code, error.ErrorCode);
            return error.Message;
        }
        Assert.Contains("300.1.1.1/16", await Refusal(new CreateVpcRequest { CidrBlock = "10.2.0.0/16", Ipv6CidrBlock = "300.1.1.1/16", Ipv6Pool = "pool" }));
        Assert.Contains("ipv6-pool-1", await Refusal(new CreateVpcRequest { CidrBlock = "10.2.0.0/16", Ipv6CidrBlock = "2600:1f18::/56", Ipv6Pool = "ipv6-pool-1" }));
        await Refusal(new CreateVpcRequest { CidrBlock = "10.2.0.0/16", AmazonProvidedIpv6CidrBlock = true, Ipv6CidrBlockNetworkBorderGroup = "us-west-2" });
        Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs); // only the default VPC

        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.2.0.0/16", AmazonProvidedIpv6CidrBlock = true })).Vpc;
        var block = vpc.Ipv6CidrBlockAssociationSet.Single();
        Assert.Equal(56, System.Net.IPNetwork.Parse(block.Ipv6CidrBlock).PrefixLength);
        var found = await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("ipv6-cidr-block-association.ipv6-cidr-block", [block.Ipv6CidrBlock])] });
        Assert.Equal(vpc.VpcId, found.Vpcs.Single().VpcId);

        // The default ACL and group gain their IPv6 rules with the block.
        var acl = (await _ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { Filters = [new Filter("vpc-id", [vpc.VpcId])] })).NetworkAcls[0];
        Assert.Contains(acl.Entries, e => e is { RuleNumber: 101, Ipv6CidrBlock: "::/0" } && e.RuleAction == RuleAction.Allow);
        Assert.Contains(acl.Entries, e => e is { RuleNumber: 32768, Ipv6CidrBlock: "::/0" } && e.RuleAction == RuleAction.Deny);
        var group = (await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [vpc.VpcId])] })).SecurityGroups[0];
        Assert.Contains(group.IpPermissionsEgress, p => p.Ipv6Ranges.Any(r => r.CidrIpv6 == "::/0"));
    }

    [Fact]
    public async Task DeleteVpc_WithSubnet_ReturnsDependencyViolation_ThenDeletesOnceEmpty()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" })).Vpc;
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.VpcId, CidrBlock = "10.1.0.0/24" })).Subnet;

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc.VpcId }));
        Assert.Equal("DependencyViolation", error.ErrorCode);

        await _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet.SubnetId });
        await _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc.VpcId });
        var gone = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] }));
        Assert.Equal("InvalidVpcID.NotFound", gone.ErrorCode);
        var tables = (await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new("vpc-id", [vpc.VpcId])] })).RouteTables;
        Assert.True(tables is null || tables.Count == 0);
    }

    [Fact]
    public async Task DeleteVpc_WithOwnSecurityGroup_ReturnsDependencyViolation()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.2.0.0/16" })).Vpc;
        await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc.VpcId, GroupName = "app", Description = "app" });
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc.VpcId }));
        Assert.Equal("DependencyViolation", error.ErrorCode);
    }

    [Fact]
    public async Task DescribeVpcs_UnknownAndMalformedIds_ReturnNotFoundAndMalformed()
    {
        var notFound = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-0123456789abcdef0"] }));
        Assert.Equal("InvalidVpcID.NotFound", notFound.ErrorCode);
        Assert.Contains("vpc-0123456789abcdef0", notFound.Message);
        var malformed = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-xyz"] }));
        Assert.Equal("InvalidVpcID.Malformed", malformed.ErrorCode);
    }

    [Fact]
    public async Task ModifyVpcAttribute_DnsHostnames_DescribeVpcAttributeShowsIt()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.3.0.0/16" })).Vpc;
        async Task<(bool Support, bool Hostnames)> Read() => (
            (await _ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = vpc.VpcId, Attribute = VpcAttributeName.EnableDnsSupport })).EnableDnsSupport!.Value,
            (await _ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = vpc.VpcId, Attribute = VpcAttributeName.EnableDnsHostnames })).EnableDnsHostnames!.Value);

        Assert.Equal((true, false), await Read());
        await _ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc.VpcId, EnableDnsHostnames = true });
        Assert.Equal((true, true), await Read());

        var both = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc.VpcId, EnableDnsHostnames = false, EnableDnsSupport = false }));
        Assert.Equal("InvalidParameterCombination", both.ErrorCode);
        Assert.Equal((true, true), await Read());
    }

    [Fact]
    public async Task AssociateVpcCidrBlock_AddsLocalRoute_AndSubnetsCanUseIt()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.4.0.0/16" })).Vpc;
        var association = (await _ec2.AssociateVpcCidrBlockAsync(new AssociateVpcCidrBlockRequest { VpcId = vpc.VpcId, CidrBlock = "10.5.0.0/16" })).CidrBlockAssociation;
        Assert.StartsWith("vpc-cidr-assoc-", association.AssociationId);

        var table = Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new("vpc-id", [vpc.VpcId])] })).RouteTables);
        Assert.Equal(["10.4.0.0/16", "10.5.0.0/16"], table.Routes.Select(r => r.DestinationCidrBlock).Order());
        await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.VpcId, CidrBlock = "10.5.1.0/24" });

        var restricted = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.AssociateVpcCidrBlockAsync(new AssociateVpcCidrBlockRequest { VpcId = vpc.VpcId, CidrBlock = "192.168.0.0/16" }));
        Assert.Equal("InvalidVpc.Range", restricted.ErrorCode);
        var inUse = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DisassociateVpcCidrBlockAsync(new DisassociateVpcCidrBlockRequest { AssociationId = association.AssociationId }));
        Assert.Equal("DependencyViolation", inUse.ErrorCode);
        var primary = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DisassociateVpcCidrBlockAsync(new DisassociateVpcCidrBlockRequest { AssociationId = vpc.CidrBlockAssociationSet[0].AssociationId }));
        Assert.Equal("OperationNotPermitted", primary.ErrorCode);
    }

    [Fact]
    public async Task CreateDefaultVpc_AfterDeletingIt_RecreatesIt_AndRefusesASecond()
    {
        var account = ServerFixture.NewAccount();
        var ec2 = Sdk.Ec2(fixture.Server, account);
        var old = Assert.Single((await ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs);
        var exists = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateDefaultVpcAsync(new CreateDefaultVpcRequest()));
        Assert.Equal("DefaultVpcAlreadyExists", exists.ErrorCode);

        foreach (var subnet in (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets)
            await ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet.SubnetId });
        var gateway = Assert.Single((await ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest())).InternetGateways);
        var attached = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = old.VpcId }));
        Assert.Equal("DependencyViolation", attached.ErrorCode);
        await ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = gateway.InternetGatewayId, VpcId = old.VpcId });
        await ec2.DeleteInternetGatewayAsync(new DeleteInternetGatewayRequest { InternetGatewayId = gateway.InternetGatewayId });
        await ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = old.VpcId });
        Assert.True((await ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs is null or { Count: 0 });

        var recreated = (await ec2.CreateDefaultVpcAsync(new CreateDefaultVpcRequest())).Vpc;
        Assert.True(recreated.IsDefault);
        Assert.NotEqual(old.VpcId, recreated.VpcId);
        Assert.Equal(6, (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets.Count);
    }

    [Fact]
    public async Task Accounts_AndRegions_AreIsolated()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.9.0.0/16" })).Vpc;
        var other = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => other.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] }));
        Assert.Equal("InvalidVpcID.NotFound", error.ErrorCode);

        var account = (await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] })).Vpcs[0].OwnerId;
        var westEc2 = Sdk.Ec2(fixture.Server, account, "eu-west-1");
        var west = Assert.Single((await westEc2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs);
        Assert.True(west.IsDefault);
        Assert.Equal(["eu-west-1a", "eu-west-1b", "eu-west-1c"],
            (await westEc2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets.Select(s => s.AvailabilityZone).Order());
    }
}
