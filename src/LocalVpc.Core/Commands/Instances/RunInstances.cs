namespace LocalVpc.Core.Commands.Instances;

/// <summary>
/// RunInstances: between MinCount and MaxCount instances in one reservation, each with a primary network
/// interface in the subnet (the default VPC's first default subnet when none is named) and, where the
/// subnet maps public addresses on launch or the call asks for one, a public address.
/// </summary>
/// <param name="BlockDevices">EBS devices the request names; the root device comes from the image either way.</param>
public sealed record RunInstances(string? ImageId, string? InstanceType, string? KeyName, int MinCount, int MaxCount,
    InstanceLaunch Launch, ImmutableArray<TagSpecification> TagSpecifications, ImmutableArray<BlockDeviceSpec> BlockDevices = default)
    : ICommand<ImmutableArray<string>>
{
    public const string DefaultInstanceType = "m1.small";

    public Decision<ImmutableArray<string>> Decide(AccountState state, CommandContext context)
    {
        if (MinCount < 1 || MaxCount < MinCount)
            return Ec2Errors.InvalidParameterValue($"Invalid counts: MinCount {MinCount}, MaxCount {MaxCount}. MinCount must be at least 1 and no more than MaxCount.");
        if (ImageId is null) return Ec2Errors.MissingParameter("ImageId");
        if (!IdPrefix.IsWellFormed(ImageId, "ami")) return new AwsError("InvalidAMIID.Malformed", $"Invalid id: \"{ImageId}\" (expecting \"ami-...\")");
        if ((Launch.PrivateIpAddress is not null || Launch.NetworkInterfaceId is not null) && MaxCount > 1)
            return Ec2Errors.InvalidParameterCombination("A private IP address or an existing network interface can be given for a single instance only.");
        if (ChooseSubnet(state, out var subnet) is { } subnetError) return subnetError;
        var unknownTagType = TagSpecifications.FirstOrDefault(s => s.ResourceType is not ("instance" or "network-interface" or "volume"));
        if (unknownTagType?.ResourceType is { } badType) return Ec2Errors.InvalidTaggableResourceType(badType);
        ImmutableArray<TagSpecification> TagsFor(string type) => [.. TagSpecifications.Where(s => s.ResourceType == type)];

        if (Room(state, context, out var room) is { } quotaError) return quotaError;

        var now = context.Time.GetUtcNow();
        var reservationId = context.Ids.Next(IdPrefix.Reservation);
        var privatePending = new HashSet<uint>();
        var publicPending = new HashSet<uint>();
        var ipv6Pending = new HashSet<UInt128>();
        var events = new List<Event>();
        var ids = ImmutableArray.CreateBuilder<string>();
        for (var index = 0; index < room; index++)
        {
            var instanceId = context.Ids.Next(IdPrefix.Instance);
            if (PrimaryInterface(state, context, subnet, instanceId, now, privatePending, publicPending, ipv6Pending, out var eni) is { } error)
            {
                // Fewer than MaxCount is fine; fewer than MinCount fails the call.
                if (index >= MinCount) break;
                return error;
            }
            if (Allocation.BlockDevices.For(instanceId, subnet.AvailabilityZone, ImageId, BlockDevices.IsDefault ? [] : BlockDevices, context, now,
                    out var volumes) is { } volumeError)
                return volumeError;
            events.Add(new ResourcePut(eni));
            events.Add(new ResourcePut(new Instance(instanceId, reservationId, ImageId, InstanceType ?? DefaultInstanceType, KeyName,
                subnet.Id, subnet.VpcId, subnet.AvailabilityZone, subnet.AvailabilityZoneId, state.Scope.Account, index, eni.Id,
                InstanceState.Running.Name, now, now)));
            events.AddRange(volumes.Select(v => new ResourcePut(v)));
            // Tags at launch, per resource type (Terraform's default_tags name volumes and interfaces too).
            if (TagRules.ForNewResource(TagsFor("instance"), "instance", instanceId, out var tags) is { } tagError) return tagError;
            if (TagRules.ForNewResource(TagsFor("network-interface"), "network-interface", eni.Id, out var eniTags) is { } eniTagError) return eniTagError;
            if (tags is not null) events.Add(tags);
            if (eniTags is not null) events.Add(eniTags);
            foreach (var volume in volumes)
            {
                if (TagRules.ForNewResource(TagsFor("volume"), "volume", volume.Id, out var volumeTags) is { } volumeTagError) return volumeTagError;
                if (volumeTags is not null) events.Add(volumeTags);
            }
            ids.Add(instanceId);
        }
        return Decision.Of(ids.ToImmutable(), events);
    }

    /// <summary>
    /// How many instances the quotas leave room for, up to MaxCount: the account's running vCPUs, and its network interfaces
    /// (each instance brings one). As on AWS, as many as fit launch; fewer than MinCount fails the call.
    /// </summary>
    private AwsError? Room(AccountState state, CommandContext context, out int room)
    {
        var limit = context.Quotas[ServiceQuotas.RunningOnDemandStandardVcpus];
        var byVcpu = Math.Max(0, limit - VcpuQuota.Running(state)) / VcpuQuota.Of(InstanceType ?? DefaultInstanceType);
        var byInterface = Math.Max(0, context.Quotas[ServiceQuotas.NetworkInterfacesPerRegion] - state.NetworkInterfaces.Count);
        room = Math.Min(MaxCount, Math.Min(byVcpu, byInterface));
        if (byVcpu < MinCount) return Ec2Errors.VcpuLimitExceeded(limit);
        return byInterface < MinCount ? Ec2Errors.NetworkInterfaceLimitExceeded() : null;
    }

    private AwsError? ChooseSubnet(AccountState state, out Subnet subnet)
    {
        subnet = null!;
        if (Launch.NetworkInterfaceId is { } eniId)
        {
            if (ResourceKinds.NetworkInterface.Find(state, eniId, out var eni) is { } error) return error;
            if (eni.Attachment is not null || eni.RequesterManaged) return Ec2Errors.NetworkInterfaceInUse(eni.Id);
            subnet = state.Subnets[eni.SubnetId];
            return null;
        }
        if (Launch.SubnetId is { } subnetId) return ResourceKinds.Subnet.Find(state, subnetId, out subnet);
        if (state.DefaultVpc is not { } vpc) return Ec2Errors.NoDefaultVpc();
        var first = state.SubnetsOf(vpc.Id).Where(s => s.DefaultForAz).OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).FirstOrDefault();
        if (first is null) return new AwsError("MissingInput", $"No subnets found for the default VPC '{vpc.Id}'. Please specify a subnet.");
        subnet = first;
        return null;
    }

    private AwsError? PrimaryInterface(AccountState state, CommandContext context, Subnet subnet, string instanceId, DateTimeOffset now,
        HashSet<uint> privatePending, HashSet<uint> publicPending, HashSet<UInt128> ipv6Pending, out NetworkInterface eni)
    {
        eni = null!;
        var attachment = new NetworkInterfaceAttachment(context.Ids.Next(IdPrefix.NetworkInterfaceAttachment), instanceId, 0, now,
            DeleteOnTermination: Launch.NetworkInterfaceId is null);
        var wantsPublicIp = Launch.AssociatePublicIpAddress ?? subnet.MapPublicIpOnLaunch;
        if (wantsPublicIp && subnet.Ipv6Native) return Ec2Errors.Ipv6OnlySubnet(subnet.Id);
        string? publicIp = null;
        if (wantsPublicIp)
        {
            if (PublicAddressPool.Allocate(state, publicPending, out var allocated) is { } poolError) return poolError;
            publicIp = allocated;
        }

        if (Launch.NetworkInterfaceId is { } existing)
        {
            eni = state.NetworkInterfaces[existing].Attached(attachment) with { PublicIp = publicIp };
            return null;
        }
        if (Lookup.GroupsForSubnet(state, Launch.GroupIds, subnet, out var groups) is { } groupError) return groupError;
        if (AddressAllocator.Allocate(state, subnet, Launch.PrivateIpAddress is null ? [] : [Launch.PrivateIpAddress],
                AddressAllocator.PrimaryCount(subnet, Launch.PrivateIpAddress), privatePending, out var addresses) is { } addressError)
            return addressError;
        if (Ipv6AddressAllocator.Allocate(state, subnet, Launch.Ipv6Addresses.IsDefault ? [] : Launch.Ipv6Addresses,
                Ipv6AddressAllocator.CountFor(subnet, Launch.Ipv6Addresses, Launch.Ipv6AddressCount), ipv6Pending, out var ipv6) is { } ipv6Error)
            return ipv6Error;
        if (Launch.PrimaryIpv6 && subnet.Ipv6CidrAssociation is null) return Ec2Errors.PrimaryIpv6NeedsIpv6Subnet(subnet.Id);
        eni = new NetworkInterface(context.Ids.Next(IdPrefix.NetworkInterface), subnet.Id, subnet.VpcId, subnet.AvailabilityZone,
            subnet.AvailabilityZoneId, state.Scope.Account, "", [.. addresses], groups, "interface", RequesterManaged: false,
            SourceDestCheck: true, attachment, publicIp) { Ipv6Addresses = [.. ipv6], PrimaryIpv6 = Launch.PrimaryIpv6 };
        return null;
    }
}
