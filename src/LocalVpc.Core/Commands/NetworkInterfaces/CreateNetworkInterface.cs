namespace LocalVpc.Core.Commands.NetworkInterfaces;

/// <summary>CreateNetworkInterface: an unattached interface with addresses from its subnet.</summary>
public sealed record CreateNetworkInterface(string SubnetId, string? Description, string? PrivateIpAddress,
    ImmutableArray<string> SecondaryPrivateIpAddresses, int SecondaryPrivateIpAddressCount, ImmutableArray<string> GroupIds,
    ImmutableArray<TagSpecification> TagSpecifications, ImmutableArray<string> Ipv6Addresses = default, int? Ipv6AddressCount = null,
    bool EnablePrimaryIpv6 = false)
    : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.Subnet.Find(state, SubnetId, out var subnet) is { } error) return error;
        if (state.NetworkInterfaces.Count >= context.Quotas[ServiceQuotas.NetworkInterfacesPerRegion]) return Ec2Errors.NetworkInterfaceLimitExceeded();
        if (Lookup.GroupsForSubnet(state, GroupIds, subnet, out var groups) is { } groupError) return groupError;
        var pending = new HashSet<uint>();
        if (AddressAllocator.Allocate(state, subnet, PrivateIpAddress is null ? [] : [PrivateIpAddress], AddressAllocator.PrimaryCount(subnet, PrivateIpAddress),
                pending, out var primary) is { } primaryError)
            return primaryError;
        if (AddressAllocator.Allocate(state, subnet, SecondaryPrivateIpAddresses, SecondaryPrivateIpAddressCount, pending,
                out var secondary) is { } secondaryError)
            return secondaryError;
        var addresses = primary.Concat(secondary);
        if (EnablePrimaryIpv6 && subnet.Ipv6CidrAssociation is null) return Ec2Errors.PrimaryIpv6NeedsIpv6Subnet(subnet.Id);
        if (Ipv6AddressCount is < 0) return Ec2Errors.InvalidParameterValue("ipv6AddressCount", Ipv6AddressCount.ToString()!);
        if (Ipv6AddressAllocator.Allocate(state, subnet, Ipv6Addresses.IsDefault ? [] : Ipv6Addresses,
                Ipv6AddressAllocator.CountFor(subnet, Ipv6Addresses, Ipv6AddressCount), new HashSet<UInt128>(), out var ipv6) is { } ipv6Error)
            return ipv6Error;

        var eni = new NetworkInterface(context.Ids.Next(IdPrefix.NetworkInterface), subnet.Id, subnet.VpcId, subnet.AvailabilityZone,
            subnet.AvailabilityZoneId, state.Scope.Account, Description ?? "", [.. addresses], groups, "interface",
            RequesterManaged: false, SourceDestCheck: true, Attachment: null, PublicIp: null) { Ipv6Addresses = [.. ipv6], PrimaryIpv6 = EnablePrimaryIpv6 };
        if (TagRules.ForNewResource(TagSpecifications, "network-interface", eni.Id, out var tags) is { } tagError) return tagError;
        List<Event> events = [new ResourcePut(eni)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(eni.Id, events);
    }
}
