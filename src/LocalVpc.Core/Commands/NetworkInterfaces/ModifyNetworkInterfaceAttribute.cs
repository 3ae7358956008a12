namespace LocalVpc.Core.Commands.NetworkInterfaces;

/// <summary>
/// ModifyNetworkInterfaceAttribute: one of description, security groups, source/destination check, or primary IPv6 per call.
/// Primary IPv6, once on, stays on: the interface's first IPv6 address (now or the next assigned) is its primary.
/// </summary>
public sealed record ModifyNetworkInterfaceAttribute(string NetworkInterfaceId, string? Description, ImmutableArray<string> GroupIds,
    bool? SourceDestCheck, bool? EnablePrimaryIpv6 = null) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.NetworkInterface.Find(state, NetworkInterfaceId, out var eni) is { } error) return error;
        var given = (Description is not null ? 1 : 0) + (GroupIds.IsEmpty ? 0 : 1) + (SourceDestCheck is not null ? 1 : 0) + (EnablePrimaryIpv6 is not null ? 1 : 0);
        if (given == 0) return Ec2Errors.MissingParameter("Description, SecurityGroupId, SourceDestCheck or EnablePrimaryIpv6");
        if (given > 1) return Ec2Errors.InvalidParameterCombination("Fields for multiple attribute types specified");
        if (eni.RequesterManaged)
            return Ec2Errors.InvalidParameterValue($"The network interface {eni.Id} is managed by AWS; change it through the resource that owns it.");
        if (EnablePrimaryIpv6 == false && eni.PrimaryIpv6)
            return Ec2Errors.InvalidParameterValue($"The primary IPv6 address of {eni.Id} cannot be turned off once on.");
        if (EnablePrimaryIpv6 == true && state.Subnets[eni.SubnetId].Ipv6CidrAssociation is null) return Ec2Errors.PrimaryIpv6NeedsIpv6Subnet(eni.SubnetId);
        var groups = eni.GroupIds;
        if (!GroupIds.IsEmpty)
        {
            var subnet = state.Subnets[eni.SubnetId];
            if (Lookup.GroupsForSubnet(state, GroupIds, subnet, out groups) is { } groupError) return groupError;
        }
        return Decision.Of(true, new ResourcePut(eni with
        {
            Description = Description ?? eni.Description,
            GroupIds = groups,
            SourceDestCheck = SourceDestCheck ?? eni.SourceDestCheck,
            PrimaryIpv6 = EnablePrimaryIpv6 ?? eni.PrimaryIpv6,
        }));
    }
}
