namespace LocalVpc.Clients.Tests;

/// <summary>Subnets through the AWS SDK for .NET.</summary>
public sealed class SubnetTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly AmazonEC2Client _ec2 = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());

    private async Task<string> NewVpcAsync(string cidr = "10.0.0.0/16") =>
        (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr })).Vpc.VpcId;

    [Theory]
    // AWS reserves the first four addresses and the last one of every subnet
    // (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
    [InlineData("10.0.1.0/24", 251)]
    [InlineData("10.0.2.0/28", 11)]
    [InlineData("10.0.0.0/16", 65531)]
    public async Task CreateSubnet_ReportsAvailableAddressesLessFiveReserved(string cidr, int available)
    {
        var vpc = await NewVpcAsync();
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr })).Subnet;
        Assert.Equal(available, subnet.AvailableIpAddressCount);
        var described = Assert.Single((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet.SubnetId] })).Subnets);
        Assert.Equal(available, described.AvailableIpAddressCount);
        Assert.Equal(vpc, described.VpcId);
        Assert.Equal(SubnetState.Available, described.State);
        Assert.Equal($"arn:aws:ec2:us-east-1:{described.OwnerId}:subnet/{subnet.SubnetId}", described.SubnetArn);
    }

    [Theory]
    [InlineData("10.0.1.0/24", "10.0.1.128/25", "InvalidSubnet.Conflict")]
    [InlineData("10.0.1.0/24", "10.0.0.0/20", "InvalidSubnet.Conflict")]
    [InlineData("10.0.1.0/24", "10.1.0.0/24", "InvalidSubnet.Range")]
    [InlineData("10.0.1.0/24", "10.0.2.0/29", "InvalidSubnet.Range")]
    [InlineData("10.0.1.0/24", "10.0.2.0/33", "InvalidParameterValue")]
    public async Task CreateSubnet_BadBlock_ReturnsAwsError(string first, string second, string code)
    {
        var vpc = await NewVpcAsync();
        await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = first });
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = second }));
        Assert.Equal(code, error.ErrorCode);
        Assert.Single((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new("vpc-id", [vpc])] })).Subnets);
    }

    [Fact]
    public async Task CreateSubnet_ZoneByNameOrId_AndUnknownZone()
    {
        var vpc = await NewVpcAsync();
        var byName = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1c" })).Subnet;
        Assert.Equal(("us-east-1c", "use1-az3"), (byName.AvailabilityZone, byName.AvailabilityZoneId));
        var byId = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.2.0/24", AvailabilityZoneId = "use1-az6" })).Subnet;
        Assert.Equal("us-east-1f", byId.AvailabilityZone);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.3.0/24", AvailabilityZone = "us-east-1z" }));
        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("us-east-1a", error.Message);
    }

    [Fact]
    public async Task CreateSubnet_UnknownVpc_ReturnsVpcNotFound()
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = "vpc-0000000000000000f", CidrBlock = "10.0.1.0/24" }));
        Assert.Equal("InvalidVpcID.NotFound", error.ErrorCode);
    }

    [Fact]
    public async Task CreateSubnet_IsAssociatedWithTheDefaultAcl_UntilDeleted()
    {
        var vpc = await NewVpcAsync();
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet;
        var byAssociation = new DescribeNetworkAclsRequest { Filters = [new("association.subnet-id", [subnet.SubnetId])] };
        var acl = Assert.Single((await _ec2.DescribeNetworkAclsAsync(byAssociation)).NetworkAcls);
        Assert.True(acl.IsDefault);
        Assert.StartsWith("aclassoc-", Assert.Single(acl.Associations).NetworkAclAssociationId);

        await _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet.SubnetId });
        Assert.True((await _ec2.DescribeNetworkAclsAsync(byAssociation)).NetworkAcls is null or { Count: 0 });
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet.SubnetId }));
        Assert.Equal("InvalidSubnetID.NotFound", error.ErrorCode);
    }

    [Fact]
    public async Task ModifySubnetAttribute_MapPublicIpOnLaunch_IsShownAndFilterable()
    {
        var vpc = await NewVpcAsync();
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet;
        Assert.False(subnet.MapPublicIpOnLaunch);
        await _ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnet.SubnetId, MapPublicIpOnLaunch = true });
        var found = (await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest
        {
            Filters = [new("vpc-id", [vpc]), new("map-public-ip-on-launch", ["true"])],
        })).Subnets;
        Assert.Equal(subnet.SubnetId, Assert.Single(found).SubnetId);
    }

    [Fact]
    public async Task ModifySubnetAttribute_EachLaunchAttribute_OneAtATime_AndIpv6OnesOnlyOff()
    {
        var vpc = await NewVpcAsync();
        var id = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet.SubnetId;
        Task Modify(ModifySubnetAttributeRequest request) => _ec2.ModifySubnetAttributeAsync(request);
        await Modify(new() { SubnetId = id, EnableDns64 = true });
        await Modify(new() { SubnetId = id, PrivateDnsHostnameTypeOnLaunch = HostnameType.ResourceName });
        await Modify(new() { SubnetId = id, EnableResourceNameDnsARecordOnLaunch = true });
        await Modify(new() { SubnetId = id, AssignIpv6AddressOnCreation = false });
        await Modify(new() { SubnetId = id, EnableResourceNameDnsAAAARecordOnLaunch = false });

        var subnet = Assert.Single((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [id] })).Subnets);
        Assert.True(subnet.EnableDns64);
        Assert.Equal((HostnameType.ResourceName, true, false), (subnet.PrivateDnsNameOptionsOnLaunch.HostnameType, subnet.PrivateDnsNameOptionsOnLaunch.EnableResourceNameDnsARecord!.Value,
            subnet.PrivateDnsNameOptionsOnLaunch.EnableResourceNameDnsAAAARecord!.Value));

        async Task<string> Code(ModifySubnetAttributeRequest request) => (await Assert.ThrowsAsync<AmazonEC2Exception>(() => Modify(request))).ErrorCode;
        Assert.Equal("InvalidParameterValue", await Code(new() { SubnetId = id, AssignIpv6AddressOnCreation = true })); // no IPv6 block
        Assert.Equal("InvalidParameterCombination", await Code(new() { SubnetId = id, EnableDns64 = false, MapPublicIpOnLaunch = true }));
        Assert.True(Assert.Single((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [id] })).Subnets).EnableDns64);
    }

    [Fact]
    public async Task DescribeSubnets_Filters_CombineWithAndAcrossNamesAndOrWithinValues()
    {
        var vpc = await NewVpcAsync();
        foreach (var (cidr, zone) in new[] { ("10.0.1.0/24", "us-east-1a"), ("10.0.2.0/24", "us-east-1b"), ("10.0.3.0/24", "us-east-1a") })
            await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr, AvailabilityZone = zone });

        static Amazon.EC2.Model.Filter F(string name, List<string> values) => new(name, values);
        async Task<string[]> Cidrs(params Amazon.EC2.Model.Filter[] filters) =>
            ((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new("vpc-id", [vpc]), .. filters] })).Subnets ?? [])
                .Select(s => s.CidrBlock).Order().ToArray();

        Assert.Equal(["10.0.1.0/24", "10.0.3.0/24"], await Cidrs(F("availability-zone", ["us-east-1a"])));
        Assert.Equal(["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"], await Cidrs(F("availability-zone", ["us-east-1a", "us-east-1b"])));
        Assert.Equal(["10.0.3.0/24"], await Cidrs(F("availability-zone", ["us-east-1a"]), new("cidr-block", ["10.0.3.*"])));
        Assert.Equal(["10.0.2.0/24"], await Cidrs(F("cidr-block", ["10.0.?.0/24"]), F("availability-zone", ["*b"])));
        Assert.Empty(await Cidrs(F("cidr-block", ["10.0.9.*"])));

        var unknown = await Assert.ThrowsAsync<AmazonEC2Exception>(() => Cidrs(F("no-such-filter", ["x"])));
        Assert.Equal("InvalidParameterValue", unknown.ErrorCode);
        Assert.Contains("no-such-filter", unknown.Message);
    }
}
