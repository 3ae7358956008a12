using System.Collections.Concurrent;

namespace LocalVpc.Clients.Tests;

/// <summary>SIGKILL in the middle of a stream of writes: whatever was acknowledged is there after a restart, and nothing half-made is.</summary>
public sealed class CrashTests
{
    private const int Workers = 8;
    private const int KillAfterAcknowledged = 300;
    private const int MaxOperationsPerWorker = 400;

    [Fact]
    public async Task Sigkill_DuringCreates_RestartKeepsEveryAcknowledgedResourceAndNoHalfMadeOnes()
    {
        var account = ServerFixture.NewAccount();
        var data = Directory.CreateTempSubdirectory("localvpc-crash-").FullName;
        // A small snapshot interval so the restart replays a snapshot and the events after it; quotas raised for a VPC and an
        // instance per round in one account.
        string[] quotas = ["--quota", "vpcs-per-region=1000", "--quota", "running-on-demand-standard-vcpus=1000"];
        var server = await LocalVpcServer.StartAsync(data, null, ["--snapshot-every", "50", .. quotas]);
        var acknowledgedVpcs = new ConcurrentDictionary<string, string>();
        var acknowledgedSubnets = new ConcurrentBag<string>();
        var acknowledgedInstances = new ConcurrentDictionary<string, string>();
        var acknowledged = 0;
        var killed = new TaskCompletionSource();

        async Task Work(int worker)
        {
            var ec2 = Sdk.Ec2(server, account);
            for (var i = 0; i < MaxOperationsPerWorker && !killed.Task.IsCompleted; i++)
            {
                try
                {
                    var name = $"w{worker}-{i}";
                    var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest
                    {
                        CidrBlock = "10.0.0.0/16",
                        TagSpecifications = [new() { ResourceType = ResourceType.Vpc, Tags = [new("Name", name)] }],
                    })).Vpc.VpcId;
                    acknowledgedVpcs[vpc] = name;
                    var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet.SubnetId;
                    acknowledgedSubnets.Add(subnet);
                    var instance = (await ec2.RunInstancesAsync(new RunInstancesRequest
                    {
                        ImageId = "ami-12345678", MinCount = 1, MaxCount = 1, SubnetId = subnet,
                    })).Reservation.Instances[0];
                    acknowledgedInstances[instance.InstanceId] = instance.PrivateIpAddress;
                    if (Interlocked.Add(ref acknowledged, 3) >= KillAfterAcknowledged) killed.TrySetResult();
                }
                catch (Exception) when (killed.Task.IsCompleted)
                {
                    return; // the server is gone; what was acknowledged before is what counts
                }
            }
        }

        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(() => Work(w))).ToArray();
        await Task.WhenAny(killed.Task, Task.WhenAll(workers));
        await server.KillAsync();
        killed.TrySetResult();
        await Task.WhenAll(workers);
        Assert.True(acknowledged >= KillAfterAcknowledged, $"only {acknowledged} writes were acknowledged");

        await using var restarted = await LocalVpcServer.StartAsync(data, null, quotas);
        var ec2 = Sdk.Ec2(restarted, account);
        var vpcs = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs.ToDictionary(v => v.VpcId);
        var subnets = (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets.ToDictionary(s => s.SubnetId);
        var tables = (await ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest())).RouteTables;
        var acls = (await ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest())).NetworkAcls;
        var groups = (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest())).SecurityGroups;

        // 1. Everything acknowledged survived, tags included.
        foreach (var (vpcId, name) in acknowledgedVpcs)
        {
            Assert.True(vpcs.TryGetValue(vpcId, out var vpc), $"acknowledged {vpcId} is lost");
            Assert.Equal(name, Assert.Single(vpc.Tags).Value);
        }
        foreach (var subnetId in acknowledgedSubnets) Assert.True(subnets.ContainsKey(subnetId), $"acknowledged {subnetId} is lost");
        var instances = (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations.SelectMany(r => r.Instances)
            .ToDictionary(i => i.InstanceId);
        foreach (var (instanceId, privateIp) in acknowledgedInstances)
        {
            Assert.True(instances.TryGetValue(instanceId, out var instance), $"acknowledged {instanceId} is lost");
            Assert.Equal(("running", privateIp), (instance.State.Name.Value, instance.PrivateIpAddress));
        }

        // 2. Nothing is half-made: every VPC has its main route table, default ACL and default group;
        //    every subnet is associated with exactly one ACL.
        foreach (var vpcId in vpcs.Keys)
        {
            Assert.Single(tables, t => t.VpcId == vpcId && t.Associations.Any(a => a.Main == true));
            Assert.Single(acls, a => a.VpcId == vpcId && a.IsDefault == true);
            Assert.Single(groups, g => g.VpcId == vpcId && g.GroupName == "default");
        }
        foreach (var subnetId in subnets.Keys)
            Assert.Single(acls.SelectMany(a => a.Associations ?? []), a => a.SubnetId == subnetId);
        var interfaces = (await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest())).NetworkInterfaces ?? [];
        foreach (var instance in instances.Values)
            Assert.Single(interfaces, n => n.Attachment?.InstanceId == instance.InstanceId && n.PrivateIpAddress == instance.PrivateIpAddress);

        // 3. The restarted server takes writes again.
        var after = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.9.0.0/16" })).Vpc.VpcId;
        Assert.StartsWith("vpc-", after);
    }
}
