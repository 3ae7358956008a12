namespace LocalVpc.Clients.Tests;

/// <summary>DHCP options sets through the AWS SDK for .NET: the account's default set, custom sets, association and deletion.</summary>
public sealed class DhcpOptionsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly AmazonEC2Client _ec2 = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());

    private async Task<string> Code(Func<Task> call) => (await Assert.ThrowsAsync<AmazonEC2Exception>(call)).ErrorCode;

    private async Task<Vpc> VpcAsync(string id) => Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [id] })).Vpcs);

    [Fact]
    public async Task TheDefaultSet_IsFoundAsTerraformFindsIt_AndNewVpcsUseIt()
    {
        // aws_default_vpc_dhcp_options: the key and value filters, each twice.
        var found = (await _ec2.DescribeDhcpOptionsAsync(new DescribeDhcpOptionsRequest
        {
            Filters = [new("key", ["domain-name"]), new("value", ["ec2.internal"]), new("key", ["domain-name-servers"]), new("value", ["AmazonProvidedDNS"])],
        })).DhcpOptions;
        var defaults = Assert.Single(found);
        Assert.Equal(["domain-name-servers=AmazonProvidedDNS", "domain-name=ec2.internal"],
            defaults.DhcpConfigurations.Select(c => $"{c.Key}={string.Join(",", c.Values)}").Order(StringComparer.Ordinal));

        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc;
        Assert.Equal(defaults.DhcpOptionsId, vpc.DhcpOptionsId);
        Assert.Equal("DependencyViolation", await Code(() => _ec2.DeleteDhcpOptionsAsync(new DeleteDhcpOptionsRequest { DhcpOptionsId = defaults.DhcpOptionsId })));
    }

    [Fact]
    public async Task ACustomSet_IsAssociated_ThenReplacedByNone_ThenDeleted()
    {
        var options = (await _ec2.CreateDhcpOptionsAsync(new CreateDhcpOptionsRequest
        {
            DhcpConfigurations = [new() { Key = "domain-name", Values = ["corp.example"] }, new() { Key = "domain-name-servers", Values = ["10.0.0.2", "10.0.0.3"] },
                new() { Key = "netbios-node-type", Values = ["2"] }],
            TagSpecifications = [new() { ResourceType = ResourceType.DhcpOptions, Tags = [new("Name", "corp")] }],
        })).DhcpOptions;
        Assert.Matches("^dopt-[0-9a-f]{17}$", options.DhcpOptionsId);
        Assert.Equal(["10.0.0.2", "10.0.0.3"], options.DhcpConfigurations.Single(c => c.Key == "domain-name-servers").Values);
        Assert.Equal("corp", Assert.Single(options.Tags).Value);

        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" })).Vpc.VpcId;
        await _ec2.AssociateDhcpOptionsAsync(new AssociateDhcpOptionsRequest { DhcpOptionsId = options.DhcpOptionsId, VpcId = vpc });
        Assert.Equal(options.DhcpOptionsId, (await VpcAsync(vpc)).DhcpOptionsId);
        var inUse = new DeleteDhcpOptionsRequest { DhcpOptionsId = options.DhcpOptionsId };
        Assert.Equal("DependencyViolation", await Code(() => _ec2.DeleteDhcpOptionsAsync(inUse)));

        await _ec2.AssociateDhcpOptionsAsync(new AssociateDhcpOptionsRequest { DhcpOptionsId = "default", VpcId = vpc });
        Assert.Equal("default", (await VpcAsync(vpc)).DhcpOptionsId);
        await _ec2.DeleteDhcpOptionsAsync(inUse);
        Assert.Equal("InvalidDhcpOptionID.NotFound", await Code(() => _ec2.DescribeDhcpOptionsAsync(new DescribeDhcpOptionsRequest
        {
            DhcpOptionsIds = [options.DhcpOptionsId],
        })));
        Assert.Equal("InvalidDhcpOptionsID.NotFound", await Code(() => _ec2.DeleteDhcpOptionsAsync(inUse)));
    }

    [Theory]
    [InlineData("domain-name-server", "10.0.0.2")] // not an option
    [InlineData("domain-name-servers", "not-an-address")]
    [InlineData("netbios-node-type", "3")]
    [InlineData("ipv6-address-preferred-lease-time", "139")]
    public async Task BadOptions_AreRefused_AndNothingIsCreated(string key, string value)
    {
        var before = (await _ec2.DescribeDhcpOptionsAsync(new DescribeDhcpOptionsRequest())).DhcpOptions.Count;
        Assert.Equal("InvalidParameterValue", await Code(() => _ec2.CreateDhcpOptionsAsync(new CreateDhcpOptionsRequest
        {
            DhcpConfigurations = [new() { Key = key, Values = [value] }],
        })));
        Assert.Equal(before, (await _ec2.DescribeDhcpOptionsAsync(new DescribeDhcpOptionsRequest())).DhcpOptions.Count);
    }

    [Fact]
    public async Task FiveDomainNameServers_AreTooMany()
    {
        Assert.Equal("InvalidParameterValue", await Code(() => _ec2.CreateDhcpOptionsAsync(new CreateDhcpOptionsRequest
        {
            DhcpConfigurations = [new() { Key = "domain-name-servers", Values = ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"] }],
        })));
    }
}
