namespace LocalVpc.Clients.Tests;

/// <summary>Network interfaces and instances through the AWS SDK for .NET.</summary>
public sealed class InstanceTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Ami = "ami-0123456789abcdef0";
    private readonly AmazonEC2Client _ec2 = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());

    private async Task<(string Vpc, string Subnet)> NewSubnetAsync(string cidr = "10.0.1.0/28")
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr })).Subnet.SubnetId;
        return (vpc, subnet);
    }

    private async Task<Instance> DescribeAsync(string id) =>
        Assert.Single(Assert.Single((await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id] })).Reservations).Instances);

    [Fact]
    public async Task RunInstances_AnswersPending_ThenRunsWithAPrimaryInterfaceFromTheSubnet()
    {
        var (vpc, subnet) = await NewSubnetAsync();
        var reservation = (await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = Ami, InstanceType = InstanceType.T3Micro, MinCount = 2, MaxCount = 2, SubnetId = subnet,
            TagSpecifications = [new() { ResourceType = ResourceType.Instance, Tags = [new("Name", "web")] }],
        })).Reservation;
        Assert.StartsWith("r-", reservation.ReservationId);
        Assert.All(reservation.Instances, i => Assert.Equal(("pending", 0), (i.State.Name.Value, i.State.Code!.Value)));
        // The first four addresses of 10.0.1.0/28 are AWS's; instances get the next ones.
        Assert.Equal(["10.0.1.4", "10.0.1.5"], reservation.Instances.Select(i => i.PrivateIpAddress).Order());

        var instance = await DescribeAsync(reservation.Instances[0].InstanceId);
        Assert.Equal(("running", 16), (instance.State.Name.Value, instance.State.Code!.Value));
        Assert.Equal($"ip-{instance.PrivateIpAddress.Replace('.', '-')}.ec2.internal", instance.PrivateDnsName);
        Assert.Equal("web", Assert.Single(instance.Tags).Value);
        var eni = Assert.Single(instance.NetworkInterfaces);
        Assert.Equal((0, vpc), (eni.Attachment.DeviceIndex!.Value, eni.VpcId));
        Assert.Equal("default", Assert.Single(instance.SecurityGroups).GroupName);
        Assert.True(instance.PublicIpAddress is null);

        var subnetAfter = Assert.Single((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet] })).Subnets);
        Assert.Equal(16 - 5 - 2, subnetAfter.AvailableIpAddressCount);
    }

    [Fact]
    public async Task RunInstances_DefaultSubnet_GetsAPublicAddressFromTheBenchmarkRange_AndLosesItWhenStopped()
    {
        var instanceId = (await _ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ami, MinCount = 1, MaxCount = 1 })).Reservation.Instances[0].InstanceId;
        var running = await DescribeAsync(instanceId);
        Assert.StartsWith("198.18.", running.PublicIpAddress);
        Assert.Equal($"ec2-{running.PublicIpAddress.Replace('.', '-')}.compute-1.amazonaws.com", running.PublicDnsName);

        var stop = (await _ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instanceId] })).StoppingInstances.Single();
        Assert.Equal(("running", "stopping"), (stop.PreviousState.Name.Value, stop.CurrentState.Name.Value));
        var stopped = await DescribeAsync(instanceId);
        Assert.Equal("stopped", stopped.State.Name.Value);
        Assert.True(stopped.PublicIpAddress is null);

        await _ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [instanceId] });
        Assert.StartsWith("198.18.", (await DescribeAsync(instanceId)).PublicIpAddress);
    }

    [Fact]
    public async Task TerminateInstances_ReleasesTheInterface_AndTheInstanceStaysListedAsTerminated()
    {
        var (_, subnet) = await NewSubnetAsync();
        var instance = (await _ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = subnet })).Reservation.Instances[0];
        var busy = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet }));
        Assert.Equal("DependencyViolation", busy.ErrorCode);

        var change = (await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance.InstanceId] })).TerminatingInstances.Single();
        Assert.Equal("shutting-down", change.CurrentState.Name.Value);
        Assert.Equal("terminated", (await DescribeAsync(instance.InstanceId)).State.Name.Value);
        var interfaces = (await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new("subnet-id", [subnet])] })).NetworkInterfaces;
        Assert.True(interfaces is null or { Count: 0 });
        await _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet });

        var start = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [instance.InstanceId] }));
        Assert.Equal("IncorrectInstanceState", start.ErrorCode);
    }

    [Fact]
    public async Task RunInstances_Errors_AreAws_AndLaunchNothing()
    {
        var (vpc, subnet) = await NewSubnetAsync();
        var other = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" })).Vpc.VpcId;
        var otherGroup = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = other, GroupName = "x", Description = "x" })).GroupId;

        async Task<string> Code(RunInstancesRequest request) => (await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.RunInstancesAsync(request))).ErrorCode;
        Assert.Equal("InvalidSubnetID.NotFound", await Code(new() { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = "subnet-0000000000000000f" }));
        Assert.Equal("InvalidParameter", await Code(new() { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = subnet, SecurityGroupIds = [otherGroup] }));
        Assert.Equal("InvalidParameterValue", await Code(new() { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = subnet, PrivateIpAddress = "10.0.1.1" }));
        Assert.Equal("InvalidAMIID.Malformed", await Code(new() { ImageId = "my-image", MinCount = 1, MaxCount = 1, SubnetId = subnet }));
        // A /28 holds 11 addresses: asking for at least 12 fails, asking for up to 12 launches 11.
        Assert.Equal("InsufficientFreeAddressesInSubnet", await Code(new() { ImageId = Ami, MinCount = 12, MaxCount = 12, SubnetId = subnet }));
        Assert.True((await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new("vpc-id", [vpc])] })).Reservations is null or { Count: 0 });
        var launched = (await _ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ami, MinCount = 1, MaxCount = 12, SubnetId = subnet })).Reservation.Instances;
        Assert.Equal(11, launched.Count);
    }

    [Fact]
    public async Task PrivateIpAddress_InUseOrReserved_IsRefused()
    {
        var (_, subnet) = await NewSubnetAsync();
        await _ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = subnet, PrivateIpAddress = "10.0.1.9" });
        var inUse = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = subnet, PrivateIpAddress = "10.0.1.9",
        }));
        Assert.Equal("InvalidIPAddress.InUse", inUse.ErrorCode);
        foreach (var reserved in new[] { "10.0.1.0", "10.0.1.3", "10.0.1.15" })
        {
            var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
            {
                SubnetId = subnet, PrivateIpAddress = reserved,
            }));
            Assert.Equal("InvalidParameterValue", error.ErrorCode);
        }
    }

    [Fact]
    public async Task NetworkInterface_CreateModifyAssignDelete_AndFilters()
    {
        var (vpc, subnet) = await NewSubnetAsync("10.0.2.0/24");
        var group = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = "app", Description = "app" })).GroupId;
        var eni = (await _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = subnet, Description = "app", Groups = [group], SecondaryPrivateIpAddressCount = 1,
        })).NetworkInterface;
        Assert.Equal(("available", "interface", false), (eni.Status.Value, eni.InterfaceType.Value, eni.RequesterManaged!.Value));
        Assert.Equal(["10.0.2.4", "10.0.2.5"], eni.PrivateIpAddresses.Select(p => p.PrivateIpAddress));
        Assert.True(eni.PrivateIpAddresses[0].Primary);
        Assert.Matches("^02(:[0-9a-f]{2}){5}$", eni.MacAddress);

        var assigned = await _ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, PrivateIpAddresses = ["10.0.2.50"] });
        Assert.Equal("10.0.2.50", Assert.Single(assigned.AssignedPrivateIpAddresses).PrivateIpAddress);
        await _ec2.UnassignPrivateIpAddressesAsync(new UnassignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, PrivateIpAddresses = ["10.0.2.5"] });
        var primary = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.UnassignPrivateIpAddressesAsync(new UnassignPrivateIpAddressesRequest
        {
            NetworkInterfaceId = eni.NetworkInterfaceId, PrivateIpAddresses = ["10.0.2.4"],
        }));
        Assert.Equal("InvalidParameterValue", primary.ErrorCode);
        await _ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni.NetworkInterfaceId, SourceDestCheck = false });

        async Task<string[]> Find(string name, string value) =>
            ((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new(name, [value])] })).NetworkInterfaces ?? [])
                .Select(n => n.NetworkInterfaceId).ToArray();
        Assert.Equal([eni.NetworkInterfaceId], await Find("group-id", group));
        Assert.Equal([eni.NetworkInterfaceId], await Find("private-ip-address", "10.0.2.50"));
        Assert.Equal([eni.NetworkInterfaceId], await Find("source-dest-check", "false"));
        Assert.Empty(await Find("private-ip-address", "10.0.2.5"));

        var groupInUse = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group }));
        Assert.Equal("DependencyViolation", groupInUse.ErrorCode);
        var instance = (await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = Ami, MinCount = 1, MaxCount = 1,
            NetworkInterfaces = [new() { DeviceIndex = 0, NetworkInterfaceId = eni.NetworkInterfaceId }],
        })).Reservation.Instances[0].InstanceId;
        Assert.Equal([eni.NetworkInterfaceId], await Find("attachment.instance-id", instance));
        var attached = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId }));
        Assert.Equal("InvalidNetworkInterface.InUse", attached.ErrorCode);

        // An interface the user brought is detached, not deleted, when its instance terminates.
        await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance] });
        await _ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId });
        await _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group });
    }

    [Fact]
    public async Task AttachNetworkInterface_AddsASecondInterface_DetachShowsItDetached_AndThePrimaryStays()
    {
        var (vpc, subnet) = await NewSubnetAsync("10.0.3.0/24");
        var instance = (await _ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = subnet }))
            .Reservation.Instances[0];
        var eni = (await _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet })).NetworkInterface.NetworkInterfaceId;
        async Task<string> Code(Func<Task> call) => (await Assert.ThrowsAsync<AmazonEC2Exception>(call)).ErrorCode;
        Task<AttachNetworkInterfaceResponse> Attach(string id, int index) => _ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest
        {
            InstanceId = instance.InstanceId, NetworkInterfaceId = id, DeviceIndex = index,
        });

        Assert.Equal("InvalidParameterValue", await Code(() => Attach(eni, 0))); // the primary's place
        var attachment = (await Attach(eni, 1)).AttachmentId;
        Assert.StartsWith("eni-attach-", attachment);
        Assert.Equal("InvalidNetworkInterface.InUse", await Code(() => Attach(eni, 2)));
        var described = await DescribeAsync(instance.InstanceId);
        Assert.Equal([0, 1], described.NetworkInterfaces.Select(n => n.Attachment.DeviceIndex!.Value).Order());

        var primary = Assert.Single(described.NetworkInterfaces, n => n.Attachment.DeviceIndex == 0).Attachment.AttachmentId;
        Assert.Equal("OperationNotPermitted", await Code(() => _ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = primary })));
        await _ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = attachment });
        // Terraform waits for this: the interface found by its attachment id, with that attachment's status "detached".
        var detached = Assert.Single((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new("attachment.attachment-id", [attachment])],
        })).NetworkInterfaces);
        Assert.Equal((eni, "available", "detached"), (detached.NetworkInterfaceId, detached.Status.Value, detached.Attachment.Status.Value));
        Assert.Equal("InvalidAttachmentID.NotFound",
            await Code(() => _ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = attachment })));
        Assert.Single((await DescribeAsync(instance.InstanceId)).NetworkInterfaces);

        var otherZone = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.4.0/24",
            AvailabilityZone = instance.Placement.AvailabilityZone == "us-east-1b" ? "us-east-1c" : "us-east-1b" })).Subnet.SubnetId;
        var far = (await _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = otherZone })).NetworkInterface.NetworkInterfaceId;
        Assert.Equal("InvalidParameterCombination", await Code(() => Attach(far, 1)));
    }

    [Fact]
    public async Task RunInstances_GivesARootVolumeFromTheImage_AndTheDevicesAsked_TaggedAtLaunch_GoneWithTheInstance()
    {
        var (_, subnet) = await NewSubnetAsync("10.0.5.0/24");
        var image = Assert.Single((await _ec2.DescribeImagesAsync(new DescribeImagesRequest
        {
            Owners = ["amazon"], Filters = [new("name", ["al2023-ami-*-arm64"])],
        })).Images);
        Assert.Equal(("arm64", "amazon", "/dev/xvda"), (image.Architecture.Value, image.ImageOwnerAlias, image.RootDeviceName));
        var rootSize = image.BlockDeviceMappings[0].Ebs.VolumeSize!.Value;

        var instance = (await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = image.ImageId, MinCount = 1, MaxCount = 1, SubnetId = subnet,
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/sdf", Ebs = new EbsBlockDevice { VolumeSize = 50, DeleteOnTermination = false } }],
            TagSpecifications = [new() { ResourceType = ResourceType.Volume, Tags = [new("backup", "daily")] }],
        })).Reservation.Instances[0];
        Assert.Equal("arm64", instance.Architecture.Value);
        Assert.Equal(["/dev/sdf", "/dev/xvda"], instance.BlockDeviceMappings.Select(m => m.DeviceName).Order());
        var attribute = (await _ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest
        {
            InstanceId = instance.InstanceId, Attribute = InstanceAttributeName.BlockDeviceMapping,
        })).InstanceAttribute.BlockDeviceMappings;
        Assert.Equal(["/dev/sdf", "/dev/xvda"], attribute.Select(m => m.DeviceName).Order()); // the same devices as DescribeInstances

        var volumes = (await _ec2.DescribeVolumesAsync(new DescribeVolumesRequest { Filters = [new("attachment.instance-id", [instance.InstanceId])] })).Volumes;
        var root = Assert.Single(volumes, v => v.Attachments[0].Device == "/dev/xvda");
        Assert.Equal((rootSize, "in-use", true), (root.Size!.Value, root.State.Value, root.Attachments[0].DeleteOnTermination!.Value));
        Assert.All(volumes, v => Assert.Equal("daily", v.Tags.Single(t => t.Key == "backup").Value));

        await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance.InstanceId] });
        var left = Assert.Single((await _ec2.DescribeVolumesAsync(new DescribeVolumesRequest
        {
            Filters = [new("volume-id", [.. volumes.Select(v => v.VolumeId)])],
        })).Volumes);
        Assert.Equal((50, "available"), (left.Size!.Value, left.State.Value)); // kept: not deleted on termination
    }

    [Fact]
    public async Task RunInstances_ARootSmallerThanTheImage_OrAnUnknownTagType_IsRefused()
    {
        var (_, subnet) = await NewSubnetAsync("10.0.6.0/24");
        var image = (await _ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] })).Images[0].ImageId;
        async Task<string> Code(RunInstancesRequest request) => (await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.RunInstancesAsync(request))).ErrorCode;
        Assert.Equal("InvalidBlockDeviceMapping", await Code(new RunInstancesRequest
        {
            ImageId = image, MinCount = 1, MaxCount = 1, SubnetId = subnet,
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { VolumeSize = 2 } }],
        }));
        Assert.Equal("InvalidParameterValue", await Code(new RunInstancesRequest
        {
            ImageId = image, MinCount = 1, MaxCount = 1, SubnetId = subnet,
            TagSpecifications = [new() { ResourceType = ResourceType.Subnet, Tags = [new("k", "v")] }],
        }));
        Assert.Empty((await _ec2.DescribeVolumesAsync(new DescribeVolumesRequest())).Volumes ?? []);
    }

    [Fact]
    public async Task RouteToInstance_ShowsBothIds_AndTurnsBlackholeWhenItStops()
    {
        var (vpc, subnet) = await NewSubnetAsync();
        var instance = (await _ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = subnet })).Reservation.Instances[0];
        var table = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc })).RouteTable.RouteTableId;
        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", InstanceId = instance.InstanceId });
        async Task<Route> RouteAsync() => Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [table] }))
            .RouteTables).Routes.Single(r => r.DestinationCidrBlock == "0.0.0.0/0");

        var route = await RouteAsync();
        Assert.Equal((instance.InstanceId, instance.NetworkInterfaces[0].NetworkInterfaceId, "active"), (route.InstanceId, route.NetworkInterfaceId, route.State.Value));
        await _ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instance.InstanceId] });
        Assert.Equal("blackhole", (await RouteAsync()).State.Value);
    }
}
