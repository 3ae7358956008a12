using System.Net;

namespace LocalVpc.Clients.Tests;

/// <summary>MaxResults/NextToken paging and DryRun, through the AWS SDK for .NET.</summary>
public sealed class PagingAndDryRunTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly AmazonEC2Client _ec2 = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());

    [Fact]
    public async Task DescribeSubnets_MaxResults_PagesThroughEverySubnetOnce()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var created = new List<string>();
        for (var i = 0; i < 12; i++)
            created.Add((await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = $"10.0.{i}.0/24" })).Subnet.SubnetId);

        var seen = new List<string>();
        var pages = new List<int>();
        string? token = null;
        do
        {
            var page = await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new("vpc-id", [vpc])], MaxResults = 5, NextToken = token });
            pages.Add(page.Subnets.Count);
            seen.AddRange(page.Subnets.Select(s => s.SubnetId));
            token = page.NextToken;
        } while (token is not null);

        Assert.Equal([5, 5, 2], pages);
        Assert.Equal(created.Order(), seen.Order());
    }

    [Fact]
    public async Task DescribeSubnets_SdkPaginator_YieldsAll()
    {
        // Subnets, not VPCs: an account holds 5 VPCs (AWS's quota), and a page holds at least 5.
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        for (var i = 0; i < 7; i++) await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = $"10.0.{i}.0/24" });
        var all = new List<Subnet>();
        var request = new DescribeSubnetsRequest { MaxResults = 5, Filters = [new Filter("vpc-id", [vpc])] };
        await foreach (var subnet in _ec2.Paginators.DescribeSubnets(request).Subnets) all.Add(subnet);
        Assert.Equal(7, all.Select(s => s.SubnetId).Distinct().Count());
    }

    [Theory]
    [InlineData(4)]
    [InlineData(1001)]
    public async Task DescribeVpcs_MaxResultsOutOfBounds_ReturnsInvalidParameterValue(int maxResults)
    {
        // botocore's model: DescribeVpcsMaxResults min 5, max 1000.
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { MaxResults = maxResults }));
        Assert.Equal("InvalidParameterValue", error.ErrorCode);
    }

    [Fact]
    public async Task DescribeVpcs_GarbledNextToken_ReturnsInvalidParameterValue()
    {
        // A real DescribeVpcs reply to a bad token (boto/boto3#2673): InvalidParameterValue, "The token is invalid."
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { MaxResults = 5, NextToken = "garbage!" }));
        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains("The token is invalid.", error.Message);
    }

    [Fact]
    public async Task CreateVpc_DryRun_Returns412DryRunOperation_AndCreatesNothing()
    {
        // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/CommonParameters.html (DryRun); 412 from a real capture.
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16", DryRun = true }));
        Assert.Equal("DryRunOperation", error.ErrorCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, error.StatusCode);
        Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs);
    }

    [Fact]
    public async Task DryRun_OfARequestThatWouldFail_ReturnsItsError()
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/8", DryRun = true }));
        Assert.Equal("InvalidVpc.Range", error.ErrorCode);
        var read = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { DryRun = true }));
        Assert.Equal("DryRunOperation", read.ErrorCode);
    }
}
