namespace LocalVpc.Clients.Tests;

/// <summary>Elastic IPs and NAT gateways through the AWS SDK for .NET.</summary>
public sealed class AddressAndNatTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly AmazonEC2Client _ec2 = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());

    private async Task<(string Vpc, string Subnet, string Gateway)> NewPublicSubnetAsync()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.0.0/24" })).Subnet.SubnetId;
        var gateway = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;
        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });
        return (vpc, subnet, gateway);
    }

    [Fact]
    public async Task ElasticIp_AssociateWithInstance_ReplacesItsLaunchAddress_AndBlocksReleaseAndDetach()
    {
        var (vpc, subnet, gateway) = await NewPublicSubnetAsync();
        var allocation = await _ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc });
        Assert.StartsWith("eipalloc-", allocation.AllocationId);
        Assert.StartsWith("198.18.", allocation.PublicIp);
        var instance = (await _ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-12345678", MinCount = 1, MaxCount = 1, SubnetId = subnet }))
            .Reservation.Instances[0].InstanceId;

        var association = (await _ec2.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = allocation.AllocationId, InstanceId = instance })).AssociationId;
        Assert.StartsWith("eipassoc-", association);
        var described = Assert.Single((await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instance] })).Reservations[0].Instances);
        Assert.Equal(allocation.PublicIp, described.PublicIpAddress);
        var address = Assert.Single((await _ec2.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [allocation.AllocationId] })).Addresses);
        Assert.Equal((instance, association, described.PrivateIpAddress), (address.InstanceId, address.AssociationId, address.PrivateIpAddress));

        var inUse = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = allocation.AllocationId }));
        Assert.Equal("InvalidIPAddress.InUse", inUse.ErrorCode);
        var mapped = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc }));
        Assert.Equal("DependencyViolation", mapped.ErrorCode);

        await _ec2.DisassociateAddressAsync(new DisassociateAddressRequest { AssociationId = association });
        await _ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = allocation.AllocationId });
        var gone = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [allocation.AllocationId] }));
        Assert.Equal("InvalidAllocationID.NotFound", gone.ErrorCode);
    }

    [Fact]
    public async Task ElasticIp_InVpcWithoutInternetGateway_CannotBeAssociated()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.0.0/24" })).Subnet.SubnetId;
        var eni = (await _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet })).NetworkInterface.NetworkInterfaceId;
        var allocation = (await _ec2.AllocateAddressAsync(new AllocateAddressRequest())).AllocationId;
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = allocation, NetworkInterfaceId = eni }));
        Assert.Equal("Gateway.NotAttached", error.ErrorCode);
    }

    [Fact]
    public async Task NatGateway_Public_GetsARequesterManagedInterfaceAndItsAddress_DeleteFreesBoth()
    {
        var (vpc, subnet, _) = await NewPublicSubnetAsync();
        var allocation = (await _ec2.AllocateAddressAsync(new AllocateAddressRequest())).AllocationId;
        var created = (await _ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest { SubnetId = subnet, AllocationId = allocation })).NatGateway;
        Assert.Equal("pending", created.State.Value);

        var nat = Assert.Single((await _ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest { NatGatewayIds = [created.NatGatewayId] })).NatGateways);
        Assert.Equal(("available", vpc, "public"), (nat.State.Value, nat.VpcId, nat.ConnectivityType.Value));
        var natAddress = Assert.Single(nat.NatGatewayAddresses);
        var eni = Assert.Single((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [natAddress.NetworkInterfaceId] })).NetworkInterfaces);
        Assert.Equal(("nat_gateway", true, $"Interface for NAT Gateway {nat.NatGatewayId}"), (eni.InterfaceType.Value, eni.RequesterManaged!.Value, eni.Description));
        Assert.Equal(natAddress.PublicIp, eni.Association.PublicIp);
        var busy = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId }));
        Assert.Equal("InvalidNetworkInterface.InUse", busy.ErrorCode);

        await _ec2.DeleteNatGatewayAsync(new DeleteNatGatewayRequest { NatGatewayId = nat.NatGatewayId });
        var deleted = Assert.Single((await _ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest { NatGatewayIds = [nat.NatGatewayId] })).NatGateways);
        Assert.Equal("deleted", deleted.State.Value);
        Assert.NotNull(deleted.DeleteTime);
        await _ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = allocation });
        await _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet });
    }

    [Fact]
    public async Task NatGateway_PublicWithoutInternetGateway_Fails_PrivateNeedsNone()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.0.0/24" })).Subnet.SubnetId;
        var allocation = (await _ec2.AllocateAddressAsync(new AllocateAddressRequest())).AllocationId;
        var failed = (await _ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest { SubnetId = subnet, AllocationId = allocation })).NatGateway.NatGatewayId;
        var nat = Assert.Single((await _ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest { NatGatewayIds = [failed] })).NatGateways);
        Assert.Equal(("failed", "Gateway.NotAttached"), (nat.State.Value, nat.FailureCode));

        var privateNat = (await _ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest { SubnetId = subnet, ConnectivityType = ConnectivityType.Private })).NatGateway.NatGatewayId;
        var available = Assert.Single((await _ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest
        {
            Filter = [new("state", ["available"]), new("vpc-id", [vpc])],
        })).NatGateways);
        Assert.Equal(privateNat, available.NatGatewayId);
        Assert.Null(Assert.Single(available.NatGatewayAddresses).PublicIp);

        var missing = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteNatGatewayAsync(new DeleteNatGatewayRequest { NatGatewayId = "nat-0000000000000000f" }));
        Assert.Equal("NatGatewayNotFound", missing.ErrorCode);
    }

    [Fact]
    public async Task RouteToNatGateway_TurnsBlackholeWhenTheGatewayIsDeleted()
    {
        var (vpc, subnet, _) = await NewPublicSubnetAsync();
        var allocation = (await _ec2.AllocateAddressAsync(new AllocateAddressRequest())).AllocationId;
        var nat = (await _ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest { SubnetId = subnet, AllocationId = allocation })).NatGateway.NatGatewayId;
        var table = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc })).RouteTable.RouteTableId;
        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", NatGatewayId = nat });
        async Task<string> State() => Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [table] }))
            .RouteTables).Routes.Single(r => r.NatGatewayId == nat).State.Value;

        Assert.Equal("active", await State());
        await _ec2.DeleteNatGatewayAsync(new DeleteNatGatewayRequest { NatGatewayId = nat });
        Assert.Equal("blackhole", await State());
    }
}
