namespace LocalVpc.Clients.Tests;

/// <summary>Customer gateways through the AWS SDK for .NET and the aws CLI (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateCustomerGateway.html).</summary>
public sealed class CustomerGatewayTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly string _account = ServerFixture.NewAccount();

    private AmazonEC2Client Ec2 => Sdk.Ec2(fixture.Server, _account);

    [Fact]
    public async Task CreateCustomerGateway_Twice_IdenticalRequestReturnsTheSameGateway_WithTheDefaultAsnAndTags()
    {
        var request = new CreateCustomerGatewayRequest
        {
            Type = GatewayType.Ipsec1, IpAddress = "203.0.113.10",
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.CustomerGateway, Tags = [new Tag("Name", "office")] }],
        };
        var first = (await Ec2.CreateCustomerGatewayAsync(request)).CustomerGateway;
        var second = (await Ec2.CreateCustomerGatewayAsync(request)).CustomerGateway;

        Assert.StartsWith("cgw-", first.CustomerGatewayId);
        Assert.Equal(first.CustomerGatewayId, second.CustomerGatewayId);
        Assert.Equal(("65000", "available", "ipsec.1", "203.0.113.10"), (first.BgpAsn, first.State, first.Type, first.IpAddress));
        Assert.Null(first.BgpAsnExtended);
        Assert.Equal("office", Assert.Single(first.Tags).Value);

        var other = (await Ec2.CreateCustomerGatewayAsync(new CreateCustomerGatewayRequest
            { Type = GatewayType.Ipsec1, IpAddress = "203.0.113.10", BgpAsnExtended = 4_200_000_000 })).CustomerGateway;
        Assert.NotEqual(first.CustomerGatewayId, other.CustomerGatewayId);
        Assert.Equal(("4200000000", null), (other.BgpAsnExtended, other.BgpAsn));

        var filtered = await Ec2.DescribeCustomerGatewaysAsync(new DescribeCustomerGatewaysRequest
            { Filters = [new Filter("bgp-asn", ["65000"]), new Filter("tag:Name", ["office"])] });
        Assert.Equal(first.CustomerGatewayId, Assert.Single(filtered.CustomerGateways).CustomerGatewayId);
    }

    [Fact]
    public async Task CustomerGateway_BadInputAndDeletion_GetAwsErrors()
    {
        var badType = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            Ec2.CreateCustomerGatewayAsync(new CreateCustomerGatewayRequest { Type = "ipsec.2", IpAddress = "203.0.113.10" }));
        Assert.Equal("InvalidParameterValue", badType.ErrorCode);
        var badAsn = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            Ec2.CreateCustomerGatewayAsync(new CreateCustomerGatewayRequest { Type = GatewayType.Ipsec1, IpAddress = "203.0.113.10", BgpAsnExtended = 12 }));
        Assert.Equal("InvalidParameterValue", badAsn.ErrorCode);
        var malformed = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            Ec2.DeleteCustomerGatewayAsync(new DeleteCustomerGatewayRequest { CustomerGatewayId = "cgw-xyz" }));
        Assert.Equal("InvalidCustomerGatewayID.Malformed", malformed.ErrorCode);

        var id = (await Ec2.CreateCustomerGatewayAsync(new CreateCustomerGatewayRequest { Type = GatewayType.Ipsec1, IpAddress = "198.51.100.7", BgpAsn = 64512 }))
            .CustomerGateway.CustomerGatewayId;
        await Ec2.DeleteCustomerGatewayAsync(new DeleteCustomerGatewayRequest { CustomerGatewayId = id });
        var gone = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            Ec2.DescribeCustomerGatewaysAsync(new DescribeCustomerGatewaysRequest { CustomerGatewayIds = [id] }));
        Assert.Equal("InvalidCustomerGatewayID.NotFound", gone.ErrorCode);
        Assert.Contains(id, gone.Message);
    }

    [Fact]
    public async Task AwsCli_CreateDescribeDelete_AsTyped()
    {
        var id = await AwsCli.TextAsync(fixture.Server, _account, "ec2", "create-customer-gateway", "--type", "ipsec.1", "--ip-address", "192.0.2.44",
            "--bgp-asn", "64513", "--device-name", "edge-1", "--query", "CustomerGateway.CustomerGatewayId");
        var described = await AwsCli.TextAsync(fixture.Server, _account, "ec2", "describe-customer-gateways", "--customer-gateway-ids", id,
            "--query", "CustomerGateways[0].[BgpAsn,DeviceName,IpAddress]");
        Assert.Equal("64513\tedge-1\t192.0.2.44", described);
        var deleted = await AwsCli.RunAsync(fixture.Server, _account, "ec2", "delete-customer-gateway", "--customer-gateway-id", id);
        Assert.Equal(0, deleted.ExitCode);
    }
}
