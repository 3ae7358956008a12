namespace LocalVpc.Clients.Tests;

/// <summary>The AWS CLI (`aws ec2 --endpoint-url …`), as a user types it.</summary>
public sealed class CliTests(ServerFixture fixture) : IClassFixture<ServerFixture>
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
    public async Task StartNetworkInsightsAnalysis_FromTheDefaultVpc_ToTheInternet_NeedsAPublicAddress()
    {
        // The default VPC's subnets give instances public addresses and route 0.0.0.0/0 to its internet gateway.
        var run = await Aws("ec2", "run-instances", "--image-id", "ami-12345678", "--query", "Instances[0].InstanceId");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var instance = run.Json.GetString()!;
        async Task<string> Analyse(string path)
        {
            var started = await Aws("ec2", "start-network-insights-analysis", "--network-insights-path-id", path,
                "--query", "NetworkInsightsAnalysis.NetworkInsightsAnalysisId");
            Assert.True(started.ExitCode == 0, started.Stderr);
            var read = await Aws("ec2", "describe-network-insights-analyses", "--network-insights-analysis-ids", started.Json.GetString()!,
                "--query", "NetworkInsightsAnalyses[0].[Status,NetworkPathFound,Explanations[0].ExplanationCode]", "--output", "text");
            return read.Stdout.Trim();
        }
        // AWS wants a destination resource; the internet gateway, narrowed to one address beyond it.
        var gateway = (await Aws("ec2", "describe-internet-gateways", "--query", "InternetGateways[0].InternetGatewayId")).Json.GetString()!;
        var path = await Aws("ec2", "create-network-insights-path", "--source", instance, "--destination", gateway, "--destination-ip", "192.0.2.10",
            "--protocol", "tcp", "--destination-port", "443", "--query", "NetworkInsightsPath.NetworkInsightsPathId");
        Assert.True(path.ExitCode == 0, path.Stderr);
        Assert.Equal("succeeded\tTrue\tNone", await Analyse(path.Json.GetString()!));

        var stopped = await Aws("ec2", "stop-instances", "--instance-ids", instance);
        Assert.True(stopped.ExitCode == 0, stopped.Stderr);
        Assert.Equal("succeeded\tFalse\tBAD_STATE", await Analyse(path.Json.GetString()!));
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

    [Fact]
    public async Task Waiters_InstanceRunningStoppedTerminated_AndNatGatewayAvailableDeleted()
    {
        var run = await Aws("ec2", "run-instances", "--image-id", "ami-12345678", "--count", "1", "--query", "Instances[0].InstanceId", "--output", "text");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var instance = run.Stdout.Trim();
        foreach (var (verb, waiter) in new[] { ("", "instance-running"), ("stop-instances", "instance-stopped"), ("terminate-instances", "instance-terminated") })
        {
            if (verb.Length > 0) Assert.Equal(0, (await Aws("ec2", verb, "--instance-ids", instance)).ExitCode);
            var wait = await Aws("ec2", "wait", waiter, "--instance-ids", instance);
            Assert.True(wait.ExitCode == 0, $"{waiter}: {wait.Stderr}");
        }

        var subnet = (await Aws("ec2", "describe-subnets", "--filters", "Name=default-for-az,Values=true", "--query", "Subnets[0].SubnetId", "--output", "text")).Stdout.Trim();
        var allocation = (await Aws("ec2", "allocate-address", "--query", "AllocationId", "--output", "text")).Stdout.Trim();
        var nat = (await Aws("ec2", "create-nat-gateway", "--subnet-id", subnet, "--allocation-id", allocation, "--query", "NatGateway.NatGatewayId", "--output", "text")).Stdout.Trim();
        Assert.StartsWith("nat-", nat);
        Assert.Equal(0, (await Aws("ec2", "wait", "nat-gateway-available", "--nat-gateway-ids", nat)).ExitCode);
        Assert.Equal(0, (await Aws("ec2", "delete-nat-gateway", "--nat-gateway-id", nat)).ExitCode);
        Assert.Equal(0, (await Aws("ec2", "wait", "nat-gateway-deleted", "--nat-gateway-ids", nat)).ExitCode);
    }

    [Fact]
    public async Task RouteTableAndAclCommands_WorkAsTyped()
    {
        var vpc = (await Aws("ec2", "create-vpc", "--cidr-block", "10.2.0.0/16", "--query", "Vpc.VpcId", "--output", "text")).Stdout.Trim();
        var igw = (await Aws("ec2", "create-internet-gateway", "--query", "InternetGateway.InternetGatewayId", "--output", "text")).Stdout.Trim();
        Assert.Equal(0, (await Aws("ec2", "attach-internet-gateway", "--internet-gateway-id", igw, "--vpc-id", vpc)).ExitCode);
        var table = (await Aws("ec2", "create-route-table", "--vpc-id", vpc, "--query", "RouteTable.RouteTableId", "--output", "text")).Stdout.Trim();
        var route = await Aws("ec2", "create-route", "--route-table-id", table, "--destination-cidr-block", "0.0.0.0/0", "--gateway-id", igw);
        Assert.True(route.ExitCode == 0, route.Stderr);
        var again = await Aws("ec2", "create-route", "--route-table-id", table, "--destination-cidr-block", "0.0.0.0/0", "--gateway-id", igw);
        Assert.Contains("(RouteAlreadyExists)", again.Stderr);

        var acl = (await Aws("ec2", "create-network-acl", "--vpc-id", vpc, "--query", "NetworkAcl.NetworkAclId", "--output", "text")).Stdout.Trim();
        var entry = await Aws("ec2", "create-network-acl-entry", "--network-acl-id", acl, "--ingress", "--rule-number", "100", "--protocol", "tcp",
            "--port-range", "From=443,To=443", "--cidr-block", "0.0.0.0/0", "--rule-action", "allow");
        Assert.True(entry.ExitCode == 0, entry.Stderr);
        var protocol = await Aws("ec2", "describe-network-acls", "--network-acl-ids", acl, "--query", "NetworkAcls[0].Entries[?RuleNumber==`100`].Protocol", "--output", "text");
        Assert.Equal("6", protocol.Stdout.Trim());
    }

    [Fact]
    public async Task InterfaceEndpoint_StatesAreLowerCamelOnTheWire_AsTerraformReadsThem()
    {
        // Terraform compares endpoint states exactly: pending, available (spec 3.3).
        var subnet = (await Aws("ec2", "describe-subnets", "--filters", "Name=availability-zone,Values=us-east-1a", "--query", "Subnets[0].SubnetId", "--output", "text")).Stdout.Trim();
        var vpc = (await Aws("ec2", "describe-vpcs", "--query", "Vpcs[0].VpcId", "--output", "text")).Stdout.Trim();
        var create = await Aws("ec2", "create-vpc-endpoint", "--vpc-id", vpc, "--vpc-endpoint-type", "Interface", "--service-name",
            "com.amazonaws.us-east-1.sts", "--subnet-ids", subnet, "--query", "VpcEndpoint.[VpcEndpointId,State]", "--output", "text");
        Assert.True(create.ExitCode == 0, create.Stderr);
        var parts = create.Stdout.Trim().Split('\t');
        Assert.Equal("pending", parts[1]);
        var state = await Aws("ec2", "describe-vpc-endpoints", "--vpc-endpoint-ids", parts[0], "--query", "VpcEndpoints[0].State", "--output", "text");
        Assert.Equal("available", state.Stdout.Trim());
        var delete = await Aws("ec2", "delete-vpc-endpoints", "--vpc-endpoint-ids", parts[0], "vpce-0000000000000000f", "--query", "Unsuccessful[].Error.Code", "--output", "text");
        Assert.Equal("InvalidVpcEndpoint.NotFound", delete.Stdout.Trim());
        var gone = await Aws("ec2", "describe-vpc-endpoints", "--vpc-endpoint-ids", parts[0]);
        Assert.Contains("(InvalidVpcEndpointId.NotFound)", gone.Stderr);
    }
}
