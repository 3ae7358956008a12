namespace LocalVpc.Clients.Tests;

/// <summary>AWS's service quotas, per account and region, with AWS's errors; and <c>--quota</c> raising or lowering them.</summary>
public sealed class QuotaTests(ServerFixture fixture)
    : IClassFixture<ServerFixture>
{
    private async Task<(AmazonEC2Client Ec2, string Subnet)> AccountWithSubnetAsync(LocalVpcServer server)
    {
        var ec2 = Sdk.Ec2(server, ServerFixture.NewAccount());
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.80.0.0/16" })).Vpc.VpcId;
        return (ec2, (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.80.0.0/20" })).Subnet.SubnetId);
    }

    [Fact]
    public async Task FiveVpcsPerRegion_CountingTheDefault_ThenVpcLimitExceeded()
    {
        var ec2 = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());
        for (var i = 1; i <= 4; i++) await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = $"10.{i}.0.0/16" });

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.5.0.0/16" }));

        Assert.Equal(("VpcLimitExceeded", 400), (error.ErrorCode, (int)error.StatusCode));
        Assert.Equal(5, (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs.Count);
        // Another region of the same account has its own five.
        var west = Sdk.Ec2(fixture.Server, (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs[0].OwnerId, "us-west-2");
        await west.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" });
    }

    [Fact]
    public async Task RunInstances_LaunchesAsManyAsTheVcpuQuotaHolds_BetweenMinAndMaxCount()
    {
        var (ec2, subnet) = await AccountWithSubnetAsync(fixture.Server);

        // 2,147,483,647 asked, in a /20 with room for 4,091: t3.micro has 2 vCPUs, so 32 vCPUs hold 16.
        var launched = await ec2.RunInstancesAsync(new RunInstancesRequest
            { ImageId = "ami-0abcdef1234567890", InstanceType = InstanceType.T3Micro, SubnetId = subnet, MinCount = 1, MaxCount = int.MaxValue });
        Assert.Equal(16, launched.Reservation.Instances.Count);

        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.RunInstancesAsync(new RunInstancesRequest
            { ImageId = "ami-0abcdef1234567890", InstanceType = InstanceType.T2Micro, SubnetId = subnet, MinCount = 1, MaxCount = 1 }));
        Assert.Equal(("VcpuLimitExceeded", 400), (refused.ErrorCode, (int)refused.StatusCode));
        Assert.Contains("vCPU limit of 32", refused.Message);
        var running = (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations.SelectMany(r => r.Instances);
        Assert.Equal(16, running.Count());

        // Stopped instances hold no vCPUs: stopping two makes room for four t2.micro (1 vCPU each).
        await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [.. launched.Reservation.Instances.Take(2).Select(i => i.InstanceId)] });
        var more = await ec2.RunInstancesAsync(new RunInstancesRequest
            { ImageId = "ami-0abcdef1234567890", InstanceType = InstanceType.T2Micro, SubnetId = subnet, MinCount = 4, MaxCount = 10 });
        Assert.Equal(4, more.Reservation.Instances.Count);
        // Starting the stopped two would need their 4 vCPUs back: refused, and they stay stopped.
        var restart = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.StartInstancesAsync(new StartInstancesRequest
            { InstanceIds = [.. launched.Reservation.Instances.Take(2).Select(i => i.InstanceId)] }));
        Assert.Equal("VcpuLimitExceeded", restart.ErrorCode);
    }

    [Fact]
    public async Task FiveElasticIps_ThenAddressLimitExceeded()
    {
        var ec2 = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());
        for (var i = 0; i < 5; i++) await ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc });
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc }));
        Assert.Equal("AddressLimitExceeded", error.ErrorCode);
        Assert.Equal(5, (await ec2.DescribeAddressesAsync(new DescribeAddressesRequest())).Addresses.Count);
    }

    [Fact]
    public async Task QuotaOption_ChangesAValue_AndRefusesUnknownNames()
    {
        await using var server = await LocalVpcServer.StartAsync(null, null, "--quota", "vpcs-per-region=7", "--quota", "running-on-demand-standard-vcpus=4");
        var (ec2, subnet) = await AccountWithSubnetAsync(server);
        for (var i = 1; i <= 5; i++) await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = $"10.{i}.0.0/16" }); // 7 with the default
        var vpcError = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.9.0.0/16" }));
        Assert.Equal("VpcLimitExceeded", vpcError.ErrorCode);

        // MinCount more than fits: nothing launches.
        var tooMany = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.RunInstancesAsync(new RunInstancesRequest
            { ImageId = "ami-0abcdef1234567890", InstanceType = InstanceType.T3Micro, SubnetId = subnet, MinCount = 3, MaxCount = 3 }));
        Assert.Contains("vCPU limit of 4", tooMany.Message);
        Assert.Empty((await ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations ?? []);

        var refused = await LocalVpcServer.RefusedAsync(Directory.CreateTempSubdirectory("localvpc-quota-").FullName, "--quota", "vpcs=9");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("unknown quota 'vpcs'", refused.Stderr);
        Assert.Contains("vpcs-per-region", refused.Stderr);
    }
}
