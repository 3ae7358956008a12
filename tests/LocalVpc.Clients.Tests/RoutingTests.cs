namespace LocalVpc.Clients.Tests;

/// <summary>Route tables, routes, internet gateways and network ACLs through the AWS SDK for .NET.</summary>
public sealed class RoutingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly AmazonEC2Client _ec2 = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());

    private async Task<(string Vpc, string Subnet)> NewVpcAsync(string cidr = "10.0.0.0/16")
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr })).Vpc.VpcId;
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr.Replace("0.0/16", "1.0/24") })).Subnet.SubnetId;
        return (vpc, subnet);
    }

    private async Task<RouteTable> TableAsync(string id) =>
        Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [id] })).RouteTables);

    [Fact]
    public async Task DefaultVpc_MainTableRoutesTheInternetThroughItsGateway()
    {
        // https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html#default-vpc-components
        var vpc = Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs).VpcId;
        var gateway = Assert.Single((await _ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest
        {
            Filters = [new("attachment.vpc-id", [vpc])],
        })).InternetGateways);
        Assert.Equal("available", Assert.Single(gateway.Attachments).State.Value);
        var main = Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new("vpc-id", [vpc]), new("association.main", ["true"])],
        })).RouteTables);
        var internet = Assert.Single(main.Routes, r => r.DestinationCidrBlock == "0.0.0.0/0");
        Assert.Equal((gateway.InternetGatewayId, "active"), (internet.GatewayId, internet.State.Value));
    }

    [Fact]
    public async Task InternetRoute_TurnsBlackholeWhenTheGatewayIsDetached()
    {
        var (vpc, _) = await NewVpcAsync();
        var gateway = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;
        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });
        var table = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc })).RouteTable.RouteTableId;
        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", GatewayId = gateway });
        Assert.Equal("active", (await TableAsync(table)).Routes.Single(r => r.DestinationCidrBlock == "0.0.0.0/0").State.Value);

        await _ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });
        var route = (await TableAsync(table)).Routes.Single(r => r.DestinationCidrBlock == "0.0.0.0/0");
        Assert.Equal(("blackhole", "CreateRoute"), (route.State.Value, route.Origin.Value));
    }

    [Fact]
    public async Task CreateRoute_Errors_AreAws()
    {
        var (vpc, _) = await NewVpcAsync();
        var (otherVpc, _) = await NewVpcAsync("10.1.0.0/16");
        var gateway = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;
        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = otherVpc });
        var table = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc })).RouteTable.RouteTableId;

        async Task<string> Code(Func<Task> call) => (await Assert.ThrowsAsync<AmazonEC2Exception>(call)).ErrorCode;
        Assert.Equal("InvalidParameterValue", await Code(() =>
            _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", GatewayId = gateway })));
        Assert.Equal("InvalidInternetGatewayID.NotFound", await Code(() =>
            _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", GatewayId = "igw-0000000000000000f" })));
        Assert.Equal("RouteAlreadyExists", await Code(() =>
            _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "10.0.0.0/16", GatewayId = gateway })));
        Assert.Equal("InvalidRoute.NotFound", await Code(() =>
            _ec2.DeleteRouteAsync(new DeleteRouteRequest { RouteTableId = table, DestinationCidrBlock = "192.168.0.0/16" })));
        Assert.Equal("InvalidParameterValue", await Code(() =>
            _ec2.DeleteRouteAsync(new DeleteRouteRequest { RouteTableId = table, DestinationCidrBlock = "10.0.0.0/16" })));
        Assert.Equal("InvalidRouteTableID.NotFound", await Code(() =>
            _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = "rtb-0000000000000000f", DestinationCidrBlock = "0.0.0.0/0", GatewayId = gateway })));
        Assert.Single((await TableAsync(table)).Routes);
    }

    [Fact]
    public async Task Associations_MoveSubnetsAndTheMainTable_AndProtectTablesInUse()
    {
        var (vpc, subnet) = await NewVpcAsync();
        var table = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc })).RouteTable.RouteTableId;
        var association = (await _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = subnet })).AssociationId;
        Assert.StartsWith("rtbassoc-", association);

        var inUse = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = table }));
        Assert.Equal("DependencyViolation", inUse.ErrorCode);
        var twice = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = subnet }));
        Assert.Equal("Resource.AlreadyAssociated", twice.ErrorCode);

        // Make the new table the main one, then move the subnet back to the old main table and delete nothing in use.
        var main = Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new("vpc-id", [vpc]), new("association.main", ["true"])],
        })).RouteTables);
        var mainAssociation = main.Associations.Single(a => a.Main == true).RouteTableAssociationId;
        await _ec2.ReplaceRouteTableAssociationAsync(new ReplaceRouteTableAssociationRequest { AssociationId = mainAssociation, RouteTableId = table });
        Assert.Contains((await TableAsync(table)).Associations, a => a.Main == true);
        Assert.True((await TableAsync(main.RouteTableId)).Associations is null or { Count: 0 });

        await _ec2.DisassociateRouteTableAsync(new DisassociateRouteTableRequest { AssociationId = association });
        await _ec2.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = main.RouteTableId });
        var mainDelete = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = table }));
        Assert.Equal("DependencyViolation", mainDelete.ErrorCode);
    }

    [Fact]
    public async Task InternetGateway_OnePerVpc_AndNotDeletedWhileAttached()
    {
        var (vpc, _) = await NewVpcAsync();
        var first = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;
        var second = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;
        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = first, VpcId = vpc });

        var another = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = second, VpcId = vpc }));
        Assert.Equal("Resource.AlreadyAssociated", another.ErrorCode);
        var attached = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DeleteInternetGatewayAsync(new DeleteInternetGatewayRequest { InternetGatewayId = first }));
        Assert.Equal("DependencyViolation", attached.ErrorCode);
        var notAttached = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = second, VpcId = vpc }));
        Assert.Equal("Gateway.NotAttached", notAttached.ErrorCode);
        // The same when the VPC named is gone, as Terraform expects when it deletes a gateway and its old VPC at once.
        var goneVpc = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = second, VpcId = "vpc-0123456789abcdef0" }));
        Assert.Equal("Gateway.NotAttached", goneVpc.ErrorCode);
        var vpcDelete = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc }));
        Assert.Equal("DependencyViolation", vpcDelete.ErrorCode);
    }

    [Fact]
    public async Task NetworkAcl_EntriesAndAssociations_AsAws()
    {
        var (vpc, subnet) = await NewVpcAsync();
        var acl = (await _ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = vpc })).NetworkAcl;
        Assert.False(acl.IsDefault);
        Assert.All(acl.Entries, e => Assert.Equal((32767, "deny"), (e.RuleNumber!.Value, e.RuleAction.Value)));

        await _ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl.NetworkAclId, RuleNumber = 100, Protocol = "6", RuleAction = RuleAction.Allow, Egress = false,
            CidrBlock = "10.0.0.0/16", PortRange = new() { From = 443, To = 443 },
        });
        var duplicate = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl.NetworkAclId, RuleNumber = 100, Protocol = "-1", RuleAction = RuleAction.Deny, Egress = false, CidrBlock = "0.0.0.0/0",
        }));
        Assert.Equal("NetworkAclEntryAlreadyExists", duplicate.ErrorCode);
        await _ec2.ReplaceNetworkAclEntryAsync(new ReplaceNetworkAclEntryRequest
        {
            NetworkAclId = acl.NetworkAclId, RuleNumber = 100, Protocol = "6", RuleAction = RuleAction.Allow, Egress = false,
            CidrBlock = "10.0.0.0/16", PortRange = new() { From = 1024, To = 65535 },
        });
        var entry = Assert.Single((await _ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { NetworkAclIds = [acl.NetworkAclId] }))
            .NetworkAcls[0].Entries, e => e.RuleNumber == 100);
        Assert.Equal((1024, 65535, "6"), (entry.PortRange.From!.Value, entry.PortRange.To!.Value, entry.Protocol));
        var missing = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteNetworkAclEntryAsync(new DeleteNetworkAclEntryRequest
        {
            NetworkAclId = acl.NetworkAclId, RuleNumber = 200, Egress = true,
        }));
        Assert.Equal("InvalidNetworkAclEntry.NotFound", missing.ErrorCode);

        var current = Assert.Single((await _ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest
        {
            Filters = [new("association.subnet-id", [subnet])],
        })).NetworkAcls);
        var association = current.Associations.Single(a => a.SubnetId == subnet).NetworkAclAssociationId;
        var moved = (await _ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest
        {
            AssociationId = association, NetworkAclId = acl.NetworkAclId,
        })).NewAssociationId;
        Assert.NotEqual(association, moved);
        var inUse = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteNetworkAclAsync(new DeleteNetworkAclRequest { NetworkAclId = acl.NetworkAclId }));
        Assert.Equal("DependencyViolation", inUse.ErrorCode);

        await _ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = moved, NetworkAclId = current.NetworkAclId });
        await _ec2.DeleteNetworkAclAsync(new DeleteNetworkAclRequest { NetworkAclId = acl.NetworkAclId });
    }
}
