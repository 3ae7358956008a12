namespace LocalVpc.Clients.Tests;

/// <summary>
/// VPC flow logs through the API, as the aws CLI and the SDK use it: created per resource with AWS's checks of the
/// destination and format, found by AWS's filters, deleted; what cannot be made is listed unsuccessful, not failed.
/// </summary>
public sealed class FlowLogTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly string _account = ServerFixture.NewAccount();

    private const string Role = "arn:aws:iam::111122223333:role/flow-logs";

    [Fact]
    public async Task CreateFlowLogs_ForEachResource_ListsTheUnknownAndTheDuplicatesUnsuccessful()
    {
        var ec2 = Sdk.Ec2(fixture.Server, _account);
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;

        var created = await ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceType = FlowLogsResourceType.VPC, ResourceIds = [vpc, "vpc-0123456789abcdef0"], TrafficType = TrafficType.ALL,
            LogDestinationType = LogDestinationType.S3, LogDestination = "arn:aws:s3:::flows/team-a",
            TagSpecifications = [new() { ResourceType = ResourceType.VpcFlowLog, Tags = [new("Name", "vpc-flows")] }],
        });
        var id = Assert.Single(created.FlowLogIds);
        var missing = Assert.Single(created.Unsuccessful);
        Assert.Equal(("vpc-0123456789abcdef0", "InvalidVpcID.NotFound"), (missing.ResourceId, missing.Error.Code));

        var again = await ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceType = FlowLogsResourceType.VPC, ResourceIds = [vpc], TrafficType = TrafficType.ALL,
            LogDestinationType = LogDestinationType.S3, LogDestination = "arn:aws:s3:::flows/team-a",
        });
        Assert.Empty(again.FlowLogIds ?? []);
        Assert.Equal("FlowLogAlreadyExists", Assert.Single(again.Unsuccessful).Error.Code);

        var flowLog = Assert.Single((await ec2.DescribeFlowLogsAsync(new DescribeFlowLogsRequest { FlowLogIds = [id] })).FlowLogs);
        Assert.Equal((vpc, "ACTIVE", "SUCCESS", 600), (flowLog.ResourceId, flowLog.FlowLogStatus, flowLog.DeliverLogsStatus, flowLog.MaxAggregationInterval));
        Assert.StartsWith("${version} ${account-id} ${interface-id}", flowLog.LogFormat); // AWS's default format, shown
        Assert.Equal("plain-text", flowLog.DestinationOptions.FileFormat.Value);
        Assert.Equal("vpc-flows", Assert.Single(flowLog.Tags).Value);
    }

    [Fact]
    public async Task DescribeFlowLogs_TakesAwsFilters_AndDeleteFlowLogsListsUnknownIds()
    {
        var ec2 = Sdk.Ec2(fixture.Server, _account);
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet.SubnetId;
        var eni = (await ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet })).NetworkInterface.NetworkInterfaceId;
        var rejects = Assert.Single((await ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceType = FlowLogsResourceType.Subnet, ResourceIds = [subnet], TrafficType = TrafficType.REJECT,
            LogGroupName = "rejects", DeliverLogsPermissionArn = Role, MaxAggregationInterval = 60,
            LogFormat = "${version} ${interface-id} ${tcp-flags} ${flow-direction} ${action}",
        })).FlowLogIds);
        var accepts = Assert.Single((await ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceType = FlowLogsResourceType.NetworkInterface, ResourceIds = [eni], TrafficType = TrafficType.ACCEPT,
            LogDestinationType = LogDestinationType.CloudWatchLogs, LogDestination = $"arn:aws:logs:us-east-1:{_account}:log-group:accepts",
            DeliverLogsPermissionArn = Role,
        })).FlowLogIds);

        async Task<List<string>> Find(string name, string value) =>
            [.. ((await ec2.DescribeFlowLogsAsync(new DescribeFlowLogsRequest { Filter = [new(name, [value])] })).FlowLogs ?? []).Select(f => f.FlowLogId)];
        Assert.Equal([rejects], await Find("traffic-type", "REJECT"));
        Assert.Equal([accepts], await Find("resource-id", eni));
        Assert.Equal([accepts], await Find("log-group-name", "accepts")); // named by its ARN, found by its name
        Assert.Equal([rejects], await Find("log-group-name", "rejects"));
        Assert.Equal(2, (await Find("log-destination-type", "cloud-watch-logs")).Count);
        var shown = Assert.Single((await ec2.DescribeFlowLogsAsync(new DescribeFlowLogsRequest { FlowLogIds = [rejects] })).FlowLogs);
        Assert.Equal($"arn:aws:logs:us-east-1:{_account}:log-group:rejects", shown.LogDestination);
        Assert.Equal("${version} ${interface-id} ${tcp-flags} ${flow-direction} ${action}", shown.LogFormat);
        Assert.Empty((await ec2.DescribeFlowLogsAsync(new DescribeFlowLogsRequest { FlowLogIds = ["fl-0123456789abcdef0"] })).FlowLogs ?? []);

        var deleted = await ec2.DeleteFlowLogsAsync(new DeleteFlowLogsRequest { FlowLogIds = [rejects, "fl-0123456789abcdef0"] });
        Assert.Equal(("fl-0123456789abcdef0", "InvalidFlowLogId.NotFound"), (Assert.Single(deleted.Unsuccessful).ResourceId, deleted.Unsuccessful[0].Error.Code));
        Assert.Equal([accepts], [.. ((await ec2.DescribeFlowLogsAsync(new DescribeFlowLogsRequest())).FlowLogs ?? []).Select(f => f.FlowLogId)]);
        // A flow log goes with its resource.
        await ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni });
        Assert.Empty((await ec2.DescribeFlowLogsAsync(new DescribeFlowLogsRequest())).FlowLogs ?? []);
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "--log-group-name g", "DeliverLogsPermissionArn can't be empty" },
        { "--log-destination-type s3 --log-destination arn:aws:s3:::b --log-group-name g", "LogGroupName is for cloud-watch-logs" },
        { "--log-destination-type s3 --log-destination bucket-name", "is not an S3 bucket ARN" },
        { "--log-destination-type s3", "LogDestination" },
        { "--log-group-name group:name --deliver-logs-permission-arn " + Role, "Log group name group:name is invalid" },
        { "--log-destination-type s3 --log-destination arn:aws:s3:::Flow_Logs", "Flow_Logs is not a bucket name" },
        { "--log-destination-type s3 --log-destination arn:aws:s3:::flows/team/../../..", "'.' or '..' segment" },
        { "--log-group-name g --deliver-logs-permission-arn " + Role + " --log-format ${version}_${srcaddr}", "Unknown fields provided" },
        { "--log-group-name g --deliver-logs-permission-arn " + Role + " --max-aggregation-interval 300", "60 and 600" },
        { "--log-group-name g --deliver-logs-permission-arn " + Role + " --destination-options FileFormat=plain-text", "s3 destination only" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task CreateFlowLogs_RefusesWhatAwsRefuses_WithItsWords_AndMakesNothing(string arguments, string message)
    {
        var vpc = await AwsCli.TextAsync(fixture.Server, _account, "ec2", "create-vpc", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId");
        var result = await AwsCli.RunAsync(fixture.Server, _account,
            ["ec2", "create-flow-logs", "--resource-type", "VPC", "--resource-ids", vpc, "--traffic-type", "ALL", .. arguments.Split(' ')]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.Equal("", await AwsCli.TextAsync(fixture.Server, _account, "ec2", "describe-flow-logs", "--query", "FlowLogs[].FlowLogId"));
    }
}
