namespace LocalVpc.Clients.Tests;

/// <summary>VPC endpoints, consumer side, through the AWS SDK for .NET.</summary>
public sealed class VpcEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Kms = "com.amazonaws.us-east-1.kms";
    private readonly AmazonEC2Client _ec2 = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());

    /// <summary>A VPC with DNS hostnames on (private DNS needs them) and two subnets in two zones.</summary>
    private async Task<(string Vpc, string SubnetA, string SubnetB)> NewVpcAsync(bool dnsHostnames = true)
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        if (dnsHostnames) await _ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc, EnableDnsHostnames = true });
        var a = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1a" })).Subnet.SubnetId;
        var b = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.2.0/24", AvailabilityZone = "us-east-1b" })).Subnet.SubnetId;
        return (vpc, a, b);
    }

    private Task<CreateVpcEndpointResponse> CreateKmsAsync(string vpc, params List<string> subnets) =>
        _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest { VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = Kms, SubnetIds = subnets });

    private async Task<VpcEndpoint> DescribeAsync(string id) =>
        Assert.Single((await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [id] })).VpcEndpoints);

    [Fact]
    public async Task DescribeVpcEndpointServices_ListsTheAwsServices_WithDetailsAsAwsFillsThem()
    {
        var services = await _ec2.DescribeVpcEndpointServicesAsync(new DescribeVpcEndpointServicesRequest());
        foreach (var name in new[] { "s3", "dynamodb", "kms", "sts", "ssm", "ssmmessages", "ec2messages", "ec2", "logs", "monitoring", "events",
                     "secretsmanager", "sqs", "sns", "lambda", "ecr.api", "ecr.dkr", "execute-api", "elasticloadbalancing", "rds" })
            Assert.Contains($"com.amazonaws.us-east-1.{name}", services.ServiceNames);

        var s3 = services.ServiceDetails.Where(s => s.ServiceName == "com.amazonaws.us-east-1.s3").ToList();
        Assert.Equal(["Gateway", "Interface"], s3.Select(s => s.ServiceType.Single().ServiceType.Value).Order());
        var ecr = services.ServiceDetails.Single(s => s.ServiceName == "com.amazonaws.us-east-1.ecr.api");
        Assert.Equal(["api.ecr.us-east-1.vpce.amazonaws.com"], ecr.BaseEndpointDnsNames);
        Assert.Equal("api.ecr.us-east-1.amazonaws.com", ecr.PrivateDnsName);
        Assert.Equal(("amazon", false, "verified"), (ecr.Owner, ecr.AcceptanceRequired!.Value, ecr.PrivateDnsNameVerificationState.Value));
        Assert.Equal(6, ecr.AvailabilityZones.Count);

        var unknown = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeVpcEndpointServicesAsync(new DescribeVpcEndpointServicesRequest
        {
            ServiceNames = ["com.amazonaws.us-east-1.nope"],
        }));
        Assert.Equal("InvalidServiceName", unknown.ErrorCode);
        var gateways = await _ec2.DescribeVpcEndpointServicesAsync(new DescribeVpcEndpointServicesRequest { Filters = [new("service-type", ["Gateway"])] });
        Assert.Equal(["com.amazonaws.us-east-1.dynamodb", "com.amazonaws.us-east-1.s3"], gateways.ServiceNames.Order());
    }

    [Fact]
    public async Task InterfaceEndpoint_TerraformSequence_CreatePendingPollAvailableModifyDeletePollGone()
    {
        var (vpc, a, b) = await NewVpcAsync();
        var created = (await CreateKmsAsync(vpc, a, b)).VpcEndpoint;
        // The SDK maps the wire value onto its State constants (Pending); the CLI test checks the exact lower-camel wire string.
        Assert.Equal("pending", created.State.Value, ignoreCase: true);

        // Step 1: one requester-managed interface per subnet, with an address from that subnet.
        var endpoint = await DescribeAsync(created.VpcEndpointId);
        Assert.Equal("available", endpoint.State.Value, ignoreCase: true);
        Assert.True(endpoint.PrivateDnsEnabled);
        var interfaces = (await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = endpoint.NetworkInterfaceIds }))
            .NetworkInterfaces;
        Assert.Equal(2, interfaces.Count);
        Assert.All(interfaces, n =>
        {
            Assert.Equal(("vpc_endpoint", true, "in-use"), (n.InterfaceType.Value, n.RequesterManaged!.Value, n.Status.Value));
            Assert.Equal($"VPC Endpoint Interface {endpoint.VpcEndpointId}", n.Description);
            Assert.Equal(n.SubnetId == a ? "10.0.1.4" : "10.0.2.4", n.PrivateIpAddress);
        });
        // Step 2: the VPC's default group guards them when none is given.
        Assert.Equal("default", Assert.Single(endpoint.Groups).GroupName);
        // Step 3: regional name, a zonal name per zone, then the private DNS name.
        var names = endpoint.DnsEntries.Select(e => e.DnsName).ToList();
        Assert.Matches($"^{endpoint.VpcEndpointId}-[a-z0-9]{{8}}\\.kms\\.us-east-1\\.vpce\\.amazonaws\\.com$", names[0]);
        Assert.EndsWith("-us-east-1a.kms.us-east-1.vpce.amazonaws.com", names[1]);
        Assert.EndsWith("-us-east-1b.kms.us-east-1.vpce.amazonaws.com", names[2]);
        Assert.Equal("kms.us-east-1.amazonaws.com", names[3]);
        Assert.Equal("Z7HUB22UULQXV", endpoint.DnsEntries[0].HostedZoneId);

        // Modify: drop a subnet (its interface goes), private DNS off.
        await _ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = endpoint.VpcEndpointId, RemoveSubnetIds = [b], PrivateDnsEnabled = false });
        var modified = await DescribeAsync(endpoint.VpcEndpointId);
        Assert.Equal([a], modified.SubnetIds);
        Assert.Single(modified.NetworkInterfaceIds);
        Assert.Equal(2, modified.DnsEntries.Count);

        // Delete, then poll until it is gone.
        var deleted = await _ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [endpoint.VpcEndpointId] });
        Assert.True(deleted.Unsuccessful is null or { Count: 0 });
        var gone = await Assert.ThrowsAsync<AmazonEC2Exception>(() => DescribeAsync(endpoint.VpcEndpointId));
        Assert.Equal("InvalidVpcEndpointId.NotFound", gone.ErrorCode);
        var left = (await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new("vpc-id", [vpc])] })).NetworkInterfaces;
        Assert.True(left is null or { Count: 0 });
    }

    [Fact]
    public async Task PrivateDns_NeedsBothVpcDnsAttributes_AndRefusesAConflict_AndHoldsTheAttributes()
    {
        var (vpc, a, b) = await NewVpcAsync(dnsHostnames: false);
        var needs = await Assert.ThrowsAsync<AmazonEC2Exception>(() => CreateKmsAsync(vpc, a));
        Assert.Equal("InvalidParameter", needs.ErrorCode);
        Assert.Contains("enableDnsHostnames", needs.Message);

        await _ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc, EnableDnsHostnames = true });
        var first = (await CreateKmsAsync(vpc, a)).VpcEndpoint.VpcEndpointId;
        var conflict = await Assert.ThrowsAsync<AmazonEC2Exception>(() => CreateKmsAsync(vpc, b));
        Assert.Equal("InvalidParameter", conflict.ErrorCode);
        Assert.Contains("conflicting DNS domain for kms.us-east-1.amazonaws.com", conflict.Message);
        var second = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = Kms, SubnetIds = [b], PrivateDnsEnabled = false,
        })).VpcEndpoint;
        Assert.False(second.PrivateDnsEnabled);

        var off = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc, EnableDnsHostnames = false }));
        Assert.Contains(first, off.Message);
        var toggle = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = second.VpcEndpointId, PrivateDnsEnabled = true }));
        Assert.Equal("InvalidParameter", toggle.ErrorCode);
    }

    [Fact]
    public async Task CreateVpcEndpoint_BadInput_GetsAwsErrors_AndCreatesNothing()
    {
        var (vpc, a, b) = await NewVpcAsync();
        var (otherVpc, otherSubnet, _) = await NewVpcAsync();
        await _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = b });
        var sameZone = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.3.0/24", AvailabilityZone = "us-east-1a" })).Subnet.SubnetId;

        async Task<string> Code(CreateVpcEndpointRequest request) =>
            (await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateVpcEndpointAsync(request))).ErrorCode;
        CreateVpcEndpointRequest Interface(string service, params List<string> subnets) =>
            new() { VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = service, SubnetIds = subnets };

        Assert.Equal("InvalidServiceName", await Code(Interface("com.amazonaws.us-east-1.nope", a)));
        Assert.Equal("DuplicateSubnetsInSameZone", await Code(Interface(Kms, a, sameZone)));
        Assert.Equal("InvalidParameter", await Code(Interface(Kms, otherSubnet)));
        Assert.Equal("InvalidParameter", await Code(new() { VpcId = vpc, ServiceName = Kms }));
        Assert.Equal("InvalidVpcID.NotFound", await Code(new() { VpcId = "vpc-0000000000000000f", ServiceName = "com.amazonaws.us-east-1.s3" }));
        Assert.Equal("InvalidSubnetID.NotFound", await Code(Interface(Kms, "subnet-0000000000000000f")));
        Assert.Equal("InvalidGroup.NotFound", await Code(new()
        {
            VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = Kms, SubnetIds = [a], SecurityGroupIds = ["sg-0000000000000000f"],
        }));
        Assert.Equal("InvalidPolicyDocument", await Code(new()
        {
            VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = Kms, SubnetIds = [a], PolicyDocument = "{not json",
        }));
        var dryRun = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = Kms, SubnetIds = [a], DryRun = true,
        }));
        Assert.Equal("DryRunOperation", dryRun.ErrorCode);
        Assert.True((await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest())).VpcEndpoints is null or { Count: 0 });
        _ = otherVpc;
    }

    [Fact]
    public async Task CreateVpcEndpoint_InterfaceWithoutSubnets_HasNoInterfacesUntilASubnetIsAdded()
    {
        // AWS allows it, and Terraform's aws_vpc_endpoint_subnet_association adds the subnets afterwards.
        var (vpc, a, _) = await NewVpcAsync();
        var created = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
            { VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = Kms, PrivateDnsEnabled = false })).VpcEndpoint;
        Assert.True(created.NetworkInterfaceIds is null or { Count: 0 });

        await _ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = created.VpcEndpointId, AddSubnetIds = [a] });
        var modified = Assert.Single((await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [created.VpcEndpointId] })).VpcEndpoints);
        Assert.Equal([a], modified.SubnetIds);
        Assert.Single(modified.NetworkInterfaceIds);
    }

    [Fact]
    public async Task ClientToken_SameRequestGivesTheSameEndpoint_DifferentRequestIsAMismatch()
    {
        var (vpc, a, b) = await NewVpcAsync();
        CreateVpcEndpointRequest Request(string subnet) => new()
        {
            VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = Kms, SubnetIds = [subnet], ClientToken = "token-1",
        };
        var first = (await _ec2.CreateVpcEndpointAsync(Request(a))).VpcEndpoint.VpcEndpointId;
        var again = (await _ec2.CreateVpcEndpointAsync(Request(a))).VpcEndpoint.VpcEndpointId;
        Assert.Equal(first, again);
        var mismatch = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateVpcEndpointAsync(Request(b)));
        Assert.Equal("IdempotentParameterMismatch", mismatch.ErrorCode);
        Assert.Single((await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest())).VpcEndpoints);
    }

    [Fact]
    public async Task GatewayEndpoint_RoutesThePrefixList_InEachTable_AndModifyMovesTheRoutes()
    {
        var (vpc, _, _) = await NewVpcAsync();
        var tableA = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc })).RouteTable.RouteTableId;
        var tableB = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc })).RouteTable.RouteTableId;
        var endpoint = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc, ServiceName = "com.amazonaws.us-east-1.s3", RouteTableIds = [tableA],
        })).VpcEndpoint;
        Assert.Equal(("Gateway", false), (endpoint.VpcEndpointType.Value, endpoint.PrivateDnsEnabled!.Value));
        Assert.Contains("\"Version\":\"2008-10-17\"", endpoint.PolicyDocument);

        // The AWS-managed list for S3 in us-east-1 is pl-63a5400a (VPC user guide, gateway endpoints).
        var prefixList = Assert.Single((await _ec2.DescribePrefixListsAsync(new DescribePrefixListsRequest
        {
            Filters = [new("prefix-list-name", ["com.amazonaws.us-east-1.s3"])],
        })).PrefixLists);
        Assert.Equal("pl-63a5400a", prefixList.PrefixListId);
        Assert.All(prefixList.Cidrs, c => Assert.StartsWith("198.19.", c));
        var entries = (await _ec2.GetManagedPrefixListEntriesAsync(new GetManagedPrefixListEntriesRequest { PrefixListId = prefixList.PrefixListId })).Entries;
        Assert.Equal(prefixList.Cidrs.Order(), entries.Select(e => e.Cidr).Order());

        async Task<Route?> EndpointRoute(string table) => Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [table] }))
            .RouteTables).Routes.SingleOrDefault(r => r.DestinationPrefixListId == prefixList.PrefixListId);
        var route = await EndpointRoute(tableA);
        Assert.Equal((endpoint.VpcEndpointId, "active"), (route!.GatewayId, route.State.Value));
        var editing = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteRouteAsync(new DeleteRouteRequest
        {
            RouteTableId = tableA, DestinationPrefixListId = prefixList.PrefixListId,
        }));
        Assert.Equal("InvalidParameterValue", editing.ErrorCode);

        await _ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = endpoint.VpcEndpointId, AddRouteTableIds = [tableB], RemoveRouteTableIds = [tableA] });
        Assert.Null(await EndpointRoute(tableA));
        Assert.NotNull(await EndpointRoute(tableB));

        // Security groups can allow the service's prefix list.
        var group = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = "to-s3", Description = "s3" })).GroupId;
        await _ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest
        {
            GroupId = group,
            IpPermissions = [new() { IpProtocol = "tcp", FromPort = 443, ToPort = 443, PrefixListIds = [new() { Id = prefixList.PrefixListId }] }],
        });

        var vpcBusy = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc }));
        Assert.Equal("DependencyViolation", vpcBusy.ErrorCode);

        // Deleting the endpoint takes its route; deleting a table it routes through drops the table from it.
        await _ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = endpoint.VpcEndpointId, AddRouteTableIds = [tableA] });
        await _ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [endpoint.VpcEndpointId] });
        Assert.Null(await EndpointRoute(tableA));
        var again = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc, ServiceName = "com.amazonaws.us-east-1.s3", RouteTableIds = [tableA, tableB],
        })).VpcEndpoint.VpcEndpointId;
        await _ec2.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = tableA });
        Assert.Equal([tableB], (await DescribeAsync(again)).RouteTableIds);
    }

    [Fact]
    public async Task DeleteVpcEndpoints_UnknownIds_ComeBackInUnsuccessful_OthersAreDeleted()
    {
        var (vpc, a, _) = await NewVpcAsync();
        var endpoint = (await CreateKmsAsync(vpc, a)).VpcEndpoint.VpcEndpointId;
        var result = await _ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [endpoint, "vpce-0000000000000000f"] });
        var failed = Assert.Single(result.Unsuccessful);
        Assert.Equal(("vpce-0000000000000000f", "InvalidVpcEndpoint.NotFound"), (failed.ResourceId, failed.Error.Code));
        Assert.True((await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest())).VpcEndpoints is null or { Count: 0 });
    }

    [Fact]
    public async Task DescribeVpcEndpoints_FiltersAndPaging()
    {
        var (vpc, a, b) = await NewVpcAsync();
        var ids = new List<string>();
        foreach (var service in new[] { "sts", "ssm", "logs", "sqs", "sns", "lambda" })
            ids.Add((await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
            {
                VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = $"com.amazonaws.us-east-1.{service}", SubnetIds = [a],
            })).VpcEndpoint.VpcEndpointId);
        ids.Add((await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest { VpcId = vpc, ServiceName = "com.amazonaws.us-east-1.dynamodb" })).VpcEndpoint.VpcEndpointId);

        async Task<List<string>> Find(params List<Amazon.EC2.Model.Filter> filters) =>
            ((await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { Filters = filters })).VpcEndpoints ?? []).Select(e => e.VpcEndpointId).ToList();
        Assert.Equal(6, (await Find(new Amazon.EC2.Model.Filter("vpc-endpoint-type", ["Interface"]))).Count);
        Assert.Single(await Find(new Amazon.EC2.Model.Filter("service-name", ["*.sqs"])));
        Assert.Equal(7, (await Find(new Amazon.EC2.Model.Filter("vpc-id", [vpc]), new Amazon.EC2.Model.Filter("vpc-endpoint-state", ["available"]))).Count);

        var seen = new List<string>();
        await foreach (var endpoint in _ec2.Paginators.DescribeVpcEndpoints(new DescribeVpcEndpointsRequest { MaxResults = 5 }).VpcEndpoints)
            seen.Add(endpoint.VpcEndpointId);
        Assert.Equal(ids.Order(), seen.Order());
    }
}
