namespace LocalVpc.Core.Commands.Addresses;

/// <summary>
/// AssociateAddress: points an Elastic IP at an instance (its primary interface) or an interface, which
/// gives up its launch public address. The VPC needs an internet gateway. An address already associated
/// moves only with AllowReassociation.
/// </summary>
public sealed record AssociateAddress(string? AllocationId, string? PublicIp, string? InstanceId, string? NetworkInterfaceId,
    string? PrivateIpAddress, bool AllowReassociation) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (Lookup.Address(state, AllocationId, PublicIp, out var address) is { } error) return error;
        if ((InstanceId is null) == (NetworkInterfaceId is null))
            return InstanceId is null
                ? Ec2Errors.MissingParameter("instanceId or networkInterfaceId")
                : Ec2Errors.InvalidParameterCombination("Specify either an instance ID or a network interface ID, not both.");
        NetworkInterface eni;
        if (InstanceId is not null)
        {
            if (ResourceKinds.Instance.Find(state, InstanceId, out var instance) is { } instanceError) return instanceError;
            if (instance.IsTerminated) return Ec2Errors.IncorrectInstanceState(instance.Id, instance.State, "associated with an address");
            eni = state.NetworkInterfaces[instance.PrimaryNetworkInterfaceId];
        }
        else if (ResourceKinds.NetworkInterface.Find(state, NetworkInterfaceId!, out eni) is { } eniError) return eniError;
        if (eni.RequesterManaged) return Ec2Errors.NetworkInterfaceInUse(eni.Id);

        // An Elastic IP is IPv4: it maps to one of the interface's private IPv4 addresses, which an IPv6-only interface lacks.
        if ((PrivateIpAddress ?? eni.PrivateIpAddress) is not { } privateIp) return Ec2Errors.Ipv6OnlySubnet(eni.SubnetId);
        if (!eni.PrivateIpAddresses.Contains(privateIp))
            return Ec2Errors.InvalidParameterValue($"The private IP address {privateIp} is not assigned to interface {eni.Id}");
        if (state.InternetGatewayOf(eni.VpcId) is null) return Ec2Errors.NoInternetGateway(eni.VpcId);
        if (address.IsAssociated && !AllowReassociation)
            return Ec2Errors.AlreadyAssociated($"resource {address.Id} is already associated with associate-id {address.AssociationId}");

        var events = new List<Event>();
        // Another Elastic IP on the same private address gives way, as on EC2.
        foreach (var other in state.Addresses.Values.Where(a => a.Id != address.Id && a.NetworkInterfaceId == eni.Id && a.PrivateIpAddress == privateIp))
            events.Add(new ResourcePut(other with { AssociationId = null, NetworkInterfaceId = null, PrivateIpAddress = null }));
        var associated = address with
        {
            AssociationId = context.Ids.Next(IdPrefix.ElasticIpAssociation),
            NetworkInterfaceId = eni.Id,
            PrivateIpAddress = privateIp,
        };
        events.Add(new ResourcePut(associated));
        if (privateIp == eni.PrivateIpAddress && eni.PublicIp is not null) events.Add(new ResourcePut(eni with { PublicIp = null }));
        return Decision.Of(associated.AssociationId!, events);
    }
}
