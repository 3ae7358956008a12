namespace LocalVpc.Clients.Tests;

/// <summary>CreateTags, DeleteTags, DescribeTags and tag filters through the AWS SDK for .NET.</summary>
public sealed class TagTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly AmazonEC2Client _ec2 = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());

    [Fact]
    public async Task CreateTags_OnSeveralResources_DescribeTagsListsEach()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet.SubnetId;
        await _ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [vpc, subnet], Tags = [new("env", "test"), new("owner", "")] });

        var tags = (await _ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new("key", ["env"])] })).Tags;
        Assert.Equal([(subnet, "subnet"), (vpc, "vpc")], tags.Select(t => (t.ResourceId, t.ResourceType.Value)).Order());
        var owner = (await _ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new("resource-id", [vpc]), new("key", ["owner"])] })).Tags;
        Assert.Equal("", Assert.Single(owner).Value);
    }

    [Fact]
    public async Task TagFilters_TagKeyAndTagValueAndWildcards_SelectResources()
    {
        var a = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16", TagSpecifications = [Spec("Name", "alpha")] })).Vpc.VpcId;
        var b = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16", TagSpecifications = [Spec("Name", "beta")] })).Vpc.VpcId;

        async Task<string[]> Vpcs(string name, string value) =>
            ((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new(name, [value])] })).Vpcs ?? []).Select(v => v.VpcId).Order().ToArray();

        Assert.Equal([a], await Vpcs("tag:Name", "alpha"));
        Assert.Equal(new[] { a, b }.Order(), await Vpcs("tag:Name", "*a"));
        Assert.Equal([b], await Vpcs("tag:Name", "b?ta"));
        Assert.Equal(new[] { a, b }.Order(), await Vpcs("tag-key", "Name"));
        Assert.Equal([b], await Vpcs("tag-value", "beta"));
        Assert.Empty(await Vpcs("tag:name", "alpha")); // keys are case-sensitive
    }

    [Fact]
    public async Task DeleteTags_ValueMustMatchWhenGiven_NoValueDeletesAnyValue()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16", TagSpecifications = [Spec("a", "1"), Spec("b", "2")] })).Vpc.VpcId;
        await _ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [vpc], Tags = [new("a", "other")] });
        await _ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [vpc], Tags = [new() { Key = "b" }] });
        var tags = Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc] })).Vpcs).Tags;
        Assert.Equal(("a", "1"), (Assert.Single(tags).Key, tags[0].Value));
    }

    [Fact]
    public async Task CreateTags_UnknownResource_FailsWholeCall()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [vpc, "subnet-0000000000000000a"], Tags = [new("k", "v")] }));
        Assert.Equal("InvalidSubnetID.NotFound", error.ErrorCode);
        Assert.True((await _ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new("resource-id", [vpc])] })).Tags is null or { Count: 0 });

        var reserved = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [vpc], Tags = [new("aws:owner", "me")] }));
        Assert.Equal("InvalidParameterValue", reserved.ErrorCode);
    }

    [Fact]
    public async Task TagSpecification_ForAnotherResourceType_IsRefused()
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateVpcAsync(new CreateVpcRequest
        {
            CidrBlock = "10.0.0.0/16",
            TagSpecifications = [new() { ResourceType = ResourceType.Subnet, Tags = [new("k", "v")] }],
        }));
        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs); // only the default VPC
    }

    private static TagSpecification Spec(string key, string value) =>
        new() { ResourceType = ResourceType.Vpc, Tags = [new(key, value)] };
}
