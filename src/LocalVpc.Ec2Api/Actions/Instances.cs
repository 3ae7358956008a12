using LocalVpc.Core.Commands.Instances;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>RunInstances, DescribeInstances, Start/Stop/TerminateInstances, DescribeInstanceStatus.</summary>
public static class Instances
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html.</summary>
    public static readonly FilterTable<Instance> Filters = new(new()
    {
        ["availability-zone"] = (i, _) => [i.AvailabilityZone],
        ["image-id"] = (i, _) => [i.ImageId],
        ["instance-id"] = (i, _) => [i.Id],
        ["instance-state-code"] = (i, _) => [InstanceState.Of(i.State).Code.ToString()],
        ["instance-state-name"] = (i, _) => [i.State],
        ["instance-type"] = (i, _) => [i.InstanceType],
        ["instance.group-id"] = (i, state) => state.NetworkInterfacesOf(i).SelectMany(n => n.GroupIds),
        ["instance.group-name"] = (i, state) => state.NetworkInterfacesOf(i).SelectMany(n => n.GroupIds)
            .Select(g => state.SecurityGroups.GetValueOrDefault(g)?.Name),
        ["ip-address"] = (i, state) => state.NetworkInterfacesOf(i).Select(n => n.PublicIp),
        ["ipv6-address"] = (i, state) => state.NetworkInterfacesOf(i).SelectMany(n => n.Ipv6Addresses),
        ["network-interface.ipv6-addresses.ipv6-address"] = (i, state) => state.NetworkInterfacesOf(i).SelectMany(n => n.Ipv6Addresses),
        ["key-name"] = (i, _) => [i.KeyName],
        ["network-interface.network-interface-id"] = (i, state) => state.NetworkInterfacesOf(i).Select(n => n.Id),
        ["network-interface.subnet-id"] = (i, state) => state.NetworkInterfacesOf(i).Select(n => n.SubnetId),
        ["network-interface.vpc-id"] = (i, state) => state.NetworkInterfacesOf(i).Select(n => n.VpcId),
        ["owner-id"] = (i, _) => [i.OwnerId],
        ["private-dns-name"] = (i, state) => state.NetworkInterfacesOf(i).Take(1).Select(n => DnsNames.Private(n, state.Scope.Region)),
        ["private-ip-address"] = (i, state) => state.NetworkInterfacesOf(i).SelectMany(n => n.PrivateIpAddresses),
        ["reservation-id"] = (i, _) => [i.ReservationId],
        ["subnet-id"] = (i, _) => [i.SubnetId],
        ["vpc-id"] = (i, _) => [i.VpcId],
    }, i => i.Id);

    public static readonly FilterTable<Instance> StatusFilters = new(new()
    {
        ["availability-zone"] = (i, _) => [i.AvailabilityZone],
        ["instance-state-code"] = (i, _) => [InstanceState.Of(i.State).Code.ToString()],
        ["instance-state-name"] = (i, _) => [i.State],
        ["instance-status.status"] = (i, _) => [i.IsRunning ? "ok" : "not-applicable"],
        ["instance-status.reachability"] = (i, _) => [i.IsRunning ? "passed" : null],
        ["system-status.status"] = (i, _) => [i.IsRunning ? "ok" : "not-applicable"],
        ["system-status.reachability"] = (i, _) => [i.IsRunning ? "passed" : null],
    }, tagsId: null);

    public static async Task<ApiReply> Run(ApiCall call)
    {
        var input = call.Input;
        if (Launch(input, out var launch) is { } invalid) return invalid;
        var outcome = await call.ExecuteAsync(new RunInstances(input.String("ImageId"), input.String("InstanceType"), input.String("KeyName"),
            input.Int("MinCount")!.Value, input.Int("MaxCount")!.Value, launch, Binding.TagSpecifications(input), BlockDevices(input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        var instances = outcome.Value.Select(id => state.Instances[id]).ToList();
        // RunInstances always answers with the instances pending.
        return ApiReply.Ok(w => InstanceXml.Reservation(w, instances[0].ReservationId, instances, state, InstanceState.Pending));
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        if (Paging.CheckMaxResults(call.Input.Int("MaxResults"), 5, 1000) is { } invalid) return invalid;
        var state = await call.ReadAsync();
        if (Query.Run(call, state, Visible(state, call.Now), i => i.Id, "InstanceIds",
                (string id, out Instance i) => ResourceKinds.Instance.Find(state, id, out i), Filters, out var page, out var next) is { } error)
            return error;
        var reservations = page.GroupBy(i => i.ReservationId).ToList();
        return ApiReply.Ok(w =>
        {
            w.List("reservationSet", reservations, (w, r) => InstanceXml.Reservation(w, r.Key, r.ToList(), state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> DescribeStatus(ApiCall call)
    {
        if (Paging.CheckMaxResults(call.Input.Int("MaxResults"), 5, 1000) is { } invalid) return invalid;
        var state = await call.ReadAsync();
        var all = call.Input.Bool("IncludeAllInstances") == true
            ? Visible(state, call.Now)
            : state.Instances.Values.Where(i => i.IsRunning);
        if (Query.Run(call, state, all, i => i.Id, "InstanceIds", (string id, out Instance i) => ResourceKinds.Instance.Find(state, id, out i),
                StatusFilters, out var page, out var next) is { } error) return error;
        return ApiReply.Ok(w =>
        {
            w.List("instanceStatusSet", page, InstanceXml.Status);
            w.Element("nextToken", next);
        });
    }

    public static Task<ApiReply> Start(ApiCall call) => Change(call, InstanceAction.Start);

    public static Task<ApiReply> Stop(ApiCall call) => Change(call, InstanceAction.Stop);

    public static Task<ApiReply> Terminate(ApiCall call) => Change(call, InstanceAction.Terminate);

    private static async Task<ApiReply> Change(ApiCall call, InstanceAction action)
    {
        var outcome = await call.ExecuteAsync(new ChangeInstanceState(call.Input.Strings("InstanceIds"), action));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w => w.List("instancesSet", outcome.Value, InstanceXml.StateChange));
    }

    /// <summary>Terminated instances stay listed for an hour, as on EC2.</summary>
    private static IEnumerable<Instance> Visible(AccountState state, DateTimeOffset now) =>
        state.Instances.Values.Where(i => !i.IsTerminated || now - i.StateChangedAt < Instance.TerminatedVisibility);

    /// <summary>Where the primary interface goes: top-level SubnetId/SecurityGroupId/PrivateIpAddress, or NetworkInterface.1 (device 0).</summary>
    /// <summary>The EBS mappings of the request; instance-store and suppressed devices name no volume here.</summary>
    private static ImmutableArray<BlockDeviceSpec> BlockDevices(Input input) =>
    [
        .. input.Structs("BlockDeviceMappings").Where(m => m.Struct("Ebs") is not null).Select(m =>
        {
            var ebs = m.Struct("Ebs")!;
            return new BlockDeviceSpec(m.String("DeviceName") ?? "", ebs.Int("VolumeSize"), ebs.String("VolumeType"), ebs.Int("Iops"), ebs.Int("Throughput"),
                ebs.Bool("Encrypted"), ebs.Bool("DeleteOnTermination"));
        }),
    ];

    private static AwsError? Launch(Input input, out InstanceLaunch launch)
    {
        launch = null!;
        var specs = input.Structs("NetworkInterfaces");
        if (input.Strings("SecurityGroups") is { IsEmpty: false })
            return Ec2Errors.InvalidParameterValue("Security groups are named by id in a VPC: use SecurityGroupId.");
        if (specs.Count == 0)
        {
            launch = new InstanceLaunch(input.String("SubnetId"), input.Strings("SecurityGroupIds"), input.String("PrivateIpAddress"), null, null,
                Binding.Ipv6Addresses(input, "Ipv6Addresses"), input.Int("Ipv6AddressCount"), input.Bool("EnablePrimaryIpv6") ?? false);
            return null;
        }
        if (input.Has("SubnetId") || input.Has("SecurityGroupIds") || input.Has("PrivateIpAddress") || input.Has("Ipv6Addresses") || input.Has("Ipv6AddressCount"))
            return Ec2Errors.InvalidParameterCombination("Network interfaces and an instance-level subnet ID, security groups or private IP address may not be specified on the same request");
        if (specs.Count > 1 || (specs[0].Int("DeviceIndex") ?? 0) != 0)
            return Ec2Errors.InvalidParameterValue("LocalVpc launches instances with one network interface, device index 0.");
        var spec = specs[0];
        launch = new InstanceLaunch(spec.String("SubnetId"), spec.Strings("Groups"), spec.String("PrivateIpAddress"),
            spec.Bool("AssociatePublicIpAddress"), spec.String("NetworkInterfaceId"), Binding.Ipv6Addresses(spec, "Ipv6Addresses"), spec.Int("Ipv6AddressCount"),
            spec.Bool("PrimaryIpv6") ?? input.Bool("EnablePrimaryIpv6") ?? false);
        return null;
    }
}
