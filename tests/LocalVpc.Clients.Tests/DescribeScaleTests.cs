namespace LocalVpc.Clients.Tests;

/// <summary>
/// Describe calls answered from indexes and read lazily (a filter on a subnet or on ids, the first page) answer exactly
/// what a scan of every item would: the same items, in id order, with patterns and several values.
/// </summary>
public sealed class DescribeScaleTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly AmazonEC2Client _ec2 = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());

    [Fact]
    public async Task SubnetFilter_AndPages_AnswerWhatAScanWould()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var subnets = new List<string>();
        for (var s = 0; s < 3; s++)
            subnets.Add((await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = $"10.0.{s}.0/24" })).Subnet.SubnetId);
        var bySubnet = subnets.ToDictionary(s => s, _ => new List<string>());
        for (var i = 0; i < 24; i++)
        {
            var subnet = subnets[i % 3];
            bySubnet[subnet].Add((await _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet, Description = $"n{i % 2}" }))
                .NetworkInterface.NetworkInterfaceId);
        }
        await _ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = bySubnet[subnets[0]][0] });
        bySubnet[subnets[0]].RemoveAt(0);

        async Task<List<string>> Find(params Filter[] filters) =>
            [.. ((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [.. filters] })).NetworkInterfaces ?? []).Select(n => n.NetworkInterfaceId)];
        List<string> Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];

        Assert.Equal(Sorted(bySubnet[subnets[0]]), await Find(new Filter("subnet-id", [subnets[0]])));
        Assert.Equal(Sorted(bySubnet[subnets[0]].Concat(bySubnet[subnets[2]])), await Find(new Filter("subnet-id", [subnets[2], subnets[0], subnets[2]])));
        // A pattern is matched by a scan, with the same answer.
        Assert.Equal(Sorted(bySubnet.Values.SelectMany(v => v)), await Find(new Filter("subnet-id", ["subnet-*"]), new Filter("vpc-id", [vpc])));
        // The indexed filter narrows; every other filter still applies.
        var described = (await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new("subnet-id", [subnets[1]])] })).NetworkInterfaces;
        Assert.Equal(Sorted(described.Where(n => n.Description == "n1").Select(n => n.NetworkInterfaceId)),
            await Find(new Filter("subnet-id", [subnets[1]]), new Filter("description", ["n1"])));
        Assert.Empty(await Find(new Filter("subnet-id", ["subnet-0123456789abcdef0"])));

        // Pages of 5 through the VPC's interfaces: every one once, in id order.
        var paged = new List<string>();
        string? token = null;
        do
        {
            var page = await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new("vpc-id", [vpc])], MaxResults = 5, NextToken = token });
            Assert.True(page.NetworkInterfaces.Count <= 5);
            paged.AddRange(page.NetworkInterfaces.Select(n => n.NetworkInterfaceId));
            token = page.NextToken;
        } while (token is not null);
        Assert.Equal(Sorted(bySubnet.Values.SelectMany(v => v)), paged);
    }

    [Fact]
    public async Task IdFilter_IsLookedUp_AndAnswersWhatAScanWould()
    {
        var vpcs = new List<string>();
        for (var v = 0; v < 2; v++) vpcs.Add((await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = $"10.{v}.0.0/16" })).Vpc.VpcId);
        var subnets = new List<string>();
        for (var s = 0; s < 4; s++)
            subnets.Add((await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpcs[s % 2], CidrBlock = $"10.{s % 2}.{s}.0/24" })).Subnet.SubnetId);
        async Task<List<string>> Find(params Filter[] filters) =>
            [.. ((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [.. filters] })).Subnets ?? []).Select(s => s.SubnetId)];
        List<string> Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];

        // Several values, repeated, with ones that name nothing (unknown, malformed): the items named, once, in id order.
        Assert.Equal(Sorted([subnets[3], subnets[0]]),
            await Find(new Filter("subnet-id", [subnets[3], "subnet-0123456789abcdef0", subnets[0], "not-a-subnet", subnets[3]])));
        // Every other filter still applies.
        Assert.Equal([subnets[1]], await Find(new Filter("subnet-id", [subnets[0], subnets[1]]), new Filter("vpc-id", [vpcs[1]])));
        // A pattern is matched by a scan.
        Assert.Equal(Sorted(subnets), await Find(new Filter("subnet-id", ["subnet-*"]), new Filter("vpc-id", vpcs)));
        // The same rule for VPCs: a VPC filtered by its id.
        var described = (await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new("vpc-id", [vpcs[1], "vpc-0123456789abcdef0"])] })).Vpcs;
        Assert.Equal([vpcs[1]], described.Select(v => v.VpcId));
        Assert.Equal("10.1.0.0/16", described[0].CidrBlock);
    }
}
