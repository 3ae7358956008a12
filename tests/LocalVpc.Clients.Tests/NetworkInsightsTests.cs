namespace LocalVpc.Clients.Tests;

/// <summary>Reachability Analyzer's API through the AWS SDK for .NET: paths, analyses and their explanations.</summary>
public sealed class NetworkInsightsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly AmazonEC2Client _ec2 = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());

    private async Task<(string Instance, string Endpoint, string EndpointGroup, string AppGroup)> NetworkAsync()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        await _ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc, EnableDnsHostnames = true });
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet.SubnetId;
        var app = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = "app", Description = "app" })).GroupId;
        var endpointGroup = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = "kms", Description = "kms" })).GroupId;
        var instance = (await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0123456789abcdef0", MinCount = 1, MaxCount = 1, SubnetId = subnet, SecurityGroupIds = [app],
        })).Reservation.Instances[0].InstanceId;
        var endpoint = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = "com.amazonaws.us-east-1.kms", SubnetIds = [subnet],
            SecurityGroupIds = [endpointGroup],
        })).VpcEndpoint.VpcEndpointId;
        return (instance, endpoint, endpointGroup, app);
    }

    private async Task<NetworkInsightsAnalysis> AnalyseAsync(string path)
    {
        var started = (await _ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest { NetworkInsightsPathId = path })).NetworkInsightsAnalysis;
        return Assert.Single((await _ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest
        {
            NetworkInsightsAnalysisIds = [started.NetworkInsightsAnalysisId],
        })).NetworkInsightsAnalyses);
    }

    [Fact]
    public async Task PathFromInstanceToEndpoint_AnalysisExplainsTheMissingRule_ThenFindsThePath_AndOldAnswersStay()
    {
        var (instance, endpoint, endpointGroup, app) = await NetworkAsync();
        var path = (await _ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
        {
            Source = instance, Destination = endpoint, Protocol = Protocol.Tcp, DestinationPort = 443,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.NetworkInsightsPath, Tags = [new Tag("Name", "app-to-kms")] }],
        })).NetworkInsightsPath;
        Assert.Matches("^nip-[0-9a-f]{17}$", path.NetworkInsightsPathId);
        Assert.EndsWith($":network-insights-path/{path.NetworkInsightsPathId}", path.NetworkInsightsPathArn);
        Assert.Equal((instance, endpoint, 443, "app-to-kms"), (path.Source, path.Destination, path.DestinationPort!.Value, path.Tags.Single().Value));
        // Named by ARN, a resource is kept by its id, as AWS does.
        var byArn = (await _ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
        {
            Source = path.SourceArn, Destination = path.DestinationArn, Protocol = Protocol.Tcp, DestinationPort = 443,
        })).NetworkInsightsPath;
        Assert.Equal((instance, endpoint, path.SourceArn), (byArn.Source, byArn.Destination, byArn.SourceArn));
        await _ec2.DeleteNetworkInsightsPathAsync(new DeleteNetworkInsightsPathRequest { NetworkInsightsPathId = byArn.NetworkInsightsPathId });

        var blocked = await AnalyseAsync(path.NetworkInsightsPathId);
        Assert.Equal(("succeeded", false), (blocked.Status.Value, blocked.NetworkPathFound!.Value));
        var explanation = Assert.Single(blocked.Explanations);
        Assert.Equal(("ENI_SG_RULES_MISMATCH", "ingress"), (explanation.ExplanationCode, explanation.Direction));
        Assert.Equal(endpointGroup, Assert.Single(explanation.SecurityGroups).Id);
        Assert.Empty(blocked.ReturnPathComponents ?? []);

        await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = endpointGroup,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, UserIdGroupPairs = [new UserIdGroupPair { GroupId = app }] }],
        });
        var found = await AnalyseAsync(path.NetworkInsightsPathId);
        Assert.True(found.NetworkPathFound);
        Assert.Empty(found.Explanations ?? []);
        Assert.Equal(endpoint, found.ForwardPathComponents[^1].Component.Id);
        Assert.Equal(Enumerable.Range(1, found.ForwardPathComponents.Count), found.ForwardPathComponents.Select(c => c.SequenceNumber!.Value));
        Assert.Equal(found.ForwardPathComponents.Count, found.ReturnPathComponents.Count);

        // An analysis is the answer at the time it ran.
        var all = (await _ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest { NetworkInsightsPathId = path.NetworkInsightsPathId }))
            .NetworkInsightsAnalyses;
        Assert.Equal([false, true], all.OrderBy(a => a.StartDate).Select(a => a.NetworkPathFound!.Value));
        var onlyFound = await _ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest { Filters = [new("path-found", ["true"])] });
        Assert.Equal(found.NetworkInsightsAnalysisId, Assert.Single(onlyFound.NetworkInsightsAnalyses).NetworkInsightsAnalysisId);

        // A path with analyses cannot go; once they are gone it can.
        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DeleteNetworkInsightsPathAsync(new DeleteNetworkInsightsPathRequest { NetworkInsightsPathId = path.NetworkInsightsPathId }));
        Assert.Equal("AnalysisExistsForNetworkInsightsPath", refused.ErrorCode);
        foreach (var analysis in all)
            await _ec2.DeleteNetworkInsightsAnalysisAsync(new DeleteNetworkInsightsAnalysisRequest { NetworkInsightsAnalysisId = analysis.NetworkInsightsAnalysisId });
        var deleted = await _ec2.DeleteNetworkInsightsPathAsync(new DeleteNetworkInsightsPathRequest { NetworkInsightsPathId = path.NetworkInsightsPathId });
        Assert.Equal(path.NetworkInsightsPathId, deleted.NetworkInsightsPathId);
        var gone = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DescribeNetworkInsightsPathsAsync(new DescribeNetworkInsightsPathsRequest { NetworkInsightsPathIds = [path.NetworkInsightsPathId] }));
        Assert.Equal("InvalidNetworkInsightsPathId.NotFound", gone.ErrorCode);
    }

    [Fact]
    public async Task ClientToken_ARetryGetsTheSamePathAndAnalysis_AndAnotherQuestionIsAMismatch()
    {
        var (instance, endpoint, _, _) = await NetworkAsync();
        CreateNetworkInsightsPathRequest Request(int port) => new()
        {
            Source = instance, Destination = endpoint, Protocol = Protocol.Tcp, DestinationPort = port, ClientToken = "path-token",
        };
        var first = (await _ec2.CreateNetworkInsightsPathAsync(Request(443))).NetworkInsightsPath.NetworkInsightsPathId;
        var retry = (await _ec2.CreateNetworkInsightsPathAsync(Request(443))).NetworkInsightsPath.NetworkInsightsPathId;
        Assert.Equal(first, retry);
        var mismatch = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateNetworkInsightsPathAsync(Request(80)));
        Assert.Equal("IdempotentParameterMismatch", mismatch.ErrorCode);
        Assert.Single((await _ec2.DescribeNetworkInsightsPathsAsync(new DescribeNetworkInsightsPathsRequest())).NetworkInsightsPaths);

        var start = new StartNetworkInsightsAnalysisRequest { NetworkInsightsPathId = first, ClientToken = "analysis-token" };
        var analysis = (await _ec2.StartNetworkInsightsAnalysisAsync(start)).NetworkInsightsAnalysis.NetworkInsightsAnalysisId;
        Assert.Equal(analysis, (await _ec2.StartNetworkInsightsAnalysisAsync(start)).NetworkInsightsAnalysis.NetworkInsightsAnalysisId);
        Assert.Single((await _ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest())).NetworkInsightsAnalyses);
    }

    [Fact]
    public async Task BadPathsAreRefused_WithAwsErrors_AndNothingIsCreated()
    {
        var (instance, endpoint, _, _) = await NetworkAsync();
        async Task<string> Refused(CreateNetworkInsightsPathRequest request) =>
            (await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateNetworkInsightsPathAsync(request))).ErrorCode;

        Assert.Equal("InvalidParameterValue", await Refused(new() { Source = instance, Destination = endpoint, Protocol = "icmp", DestinationPort = 443 }));
        Assert.Equal("InvalidParameterValue", await Refused(new() { Source = "i-0123456789abcdef0", Destination = endpoint, Protocol = Protocol.Tcp }));
        Assert.Equal("InvalidParameterValue", await Refused(new() { Source = endpoint, Destination = instance, Protocol = Protocol.Tcp }));
        Assert.Equal("MissingParameter", await Refused(new() { Source = instance, Protocol = Protocol.Tcp }));
        Assert.Equal("MissingParameter", await Refused(new() { Source = instance, DestinationIp = "10.0.1.9", Protocol = Protocol.Tcp }));
        Assert.Empty((await _ec2.DescribeNetworkInsightsPathsAsync(new DescribeNetworkInsightsPathsRequest())).NetworkInsightsPaths ?? []);

        var missing = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest { NetworkInsightsPathId = "nip-0123456789abcdef0" }));
        Assert.Equal("InvalidNetworkInsightsPathId.NotFound", missing.ErrorCode);
        var noAnalysis = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DeleteNetworkInsightsAnalysisAsync(new DeleteNetworkInsightsAnalysisRequest { NetworkInsightsAnalysisId = "nia-0123456789abcdef0" }));
        Assert.Equal("InvalidNetworkInsightsAnalysisId.NotFound", noAnalysis.ErrorCode);
    }
}
