namespace LocalVpc.Clients.Tests;

/// <summary>The AWS CLI (`aws ec2 --endpoint-url …`), as a user types it.</summary>
[Collection(ServerCollection.Name)]
public sealed class CliTests(ServerFixture fixture)
{
    private readonly string _account = ServerFixture.NewAccount();

    private Task<AwsCli.Result> Aws(params string[] args) => AwsCli.RunAsync(fixture.Server, _account, args);

    [Fact]
    public async Task CreateVpcSubnetAndGroup_ThenDescribeWithFiltersAndQuery()
    {
        var vpc = await Aws("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16",
            "--tag-specifications", "ResourceType=vpc,Tags=[{Key=Name,Value=cli}]");
        Assert.True(vpc.ExitCode == 0, vpc.Stderr);
        var vpcId = vpc.Json.GetProperty("Vpc").GetProperty("VpcId").GetString()!;

        var subnet = await Aws("ec2", "create-subnet", "--vpc-id", vpcId, "--cidr-block", "10.0.1.0/24", "--availability-zone", "us-east-1b");
        Assert.True(subnet.ExitCode == 0, subnet.Stderr);
        Assert.Equal(251, subnet.Json.GetProperty("Subnet").GetProperty("AvailableIpAddressCount").GetInt32());

        var group = await Aws("ec2", "create-security-group", "--group-name", "web", "--description", "web", "--vpc-id", vpcId);
        var groupId = group.Json.GetProperty("GroupId").GetString()!;
        var rule = await Aws("ec2", "authorize-security-group-ingress", "--group-id", groupId, "--protocol", "tcp", "--port", "443", "--cidr", "10.0.0.0/16");
        Assert.True(rule.ExitCode == 0, rule.Stderr);

        var found = await Aws("ec2", "describe-vpcs", "--filters", "Name=tag:Name,Values=cli", "--query", "Vpcs[].VpcId");
        Assert.Equal([vpcId], found.Json.EnumerateArray().Select(e => e.GetString()));

        var ports = await Aws("ec2", "describe-security-groups", "--group-ids", groupId, "--query", "SecurityGroups[0].IpPermissions[0].[FromPort,ToPort]");
        Assert.Equal([443, 443], ports.Json.EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Error_ExitsNonZero_AndPrintsAwsCodeAndMessage()
    {
        var result = await Aws("ec2", "describe-vpcs", "--vpc-ids", "vpc-0123456789abcdef0");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("(InvalidVpcID.NotFound)", result.Stderr);
        Assert.Contains("The vpc ID 'vpc-0123456789abcdef0' does not exist", result.Stderr);
    }

    [Fact]
    public async Task DryRun_PrintsDryRunOperation()
    {
        var result = await Aws("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16", "--dry-run");
        Assert.Contains("(DryRunOperation)", result.Stderr);
        var vpcs = await Aws("ec2", "describe-vpcs", "--query", "length(Vpcs)");
        Assert.Equal("1", vpcs.Stdout.Trim());
    }

    [Fact]
    public async Task DescribeSubnets_CliPaginatesWithPageSize_AndGetsEverySubnet()
    {
        var vpcId = (await Aws("ec2", "create-vpc", "--cidr-block", "10.1.0.0/16")).Json.GetProperty("Vpc").GetProperty("VpcId").GetString()!;
        for (var i = 0; i < 7; i++)
            Assert.Equal(0, (await Aws("ec2", "create-subnet", "--vpc-id", vpcId, "--cidr-block", $"10.1.{i}.0/24")).ExitCode);
        // --page-size makes the CLI follow NextToken; it aborts if a token repeats.
        var all = await Aws("ec2", "describe-subnets", "--filters", $"Name=vpc-id,Values={vpcId}", "--page-size", "5", "--query", "Subnets[].CidrBlock");
        Assert.True(all.ExitCode == 0, all.Stderr);
        Assert.Equal(7, all.Json.EnumerateArray().Select(e => e.GetString()).Distinct().Count());
    }

    [Fact]
    public async Task DescribeAvailabilityZonesAndRegions_ShowTheCatalog()
    {
        var zones = await Aws("ec2", "describe-availability-zones", "--query", "AvailabilityZones[].[ZoneName,ZoneId,State]", "--output", "text");
        Assert.Contains("us-east-1a\tuse1-az1\tavailable", zones.Stdout);
        var regions = await Aws("ec2", "describe-regions", "--region-names", "eu-west-1", "--query", "Regions[0].Endpoint", "--output", "text");
        Assert.Equal("ec2.eu-west-1.amazonaws.com", regions.Stdout.Trim());
    }
}
