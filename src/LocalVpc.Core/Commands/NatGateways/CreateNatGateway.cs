namespace LocalVpc.Core.Commands.NatGateways;

/// <summary>
/// CreateNatGateway: a public gateway (with an unassociated Elastic IP) or a private one, with a
/// requester-managed interface in its subnet. A public gateway in a VPC without an internet gateway
/// fails, as on EC2 (https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-troubleshooting.html).
/// </summary>
public sealed record CreateNatGateway(string? SubnetId, string? ConnectivityType, string? AllocationId, string? PrivateIpAddress,
    ImmutableArray<TagSpecification> TagSpecifications) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (SubnetId is null) return Ec2Errors.MissingParameter("SubnetId");
        if (ResourceKinds.Subnet.Find(state, SubnetId, out var subnet) is { } error) return error;
        var connectivity = ConnectivityType ?? "public";
        Address? address = null;
        if (connectivity == "public")
        {
            if (AllocationId is null) return Ec2Errors.MissingParameter("AllocationId");
            if (ResourceKinds.Address.Find(state, AllocationId, out address) is { } addressError) return addressError;
            if (address.IsAssociated)
                return Ec2Errors.AlreadyAssociated($"Elastic IP address [{address.Id}] is already associated");
        }
        else if (AllocationId is not null)
            return Ec2Errors.InvalidParameterCombination("A private NAT gateway takes no Elastic IP address.");

        var id = context.Ids.Next(IdPrefix.NatGateway);
        var now = context.Time.GetUtcNow();
        var events = new List<Event>();
        NatGateway gateway;
        if (connectivity == "public" && state.InternetGatewayOf(subnet.VpcId) is null)
        {
            gateway = new NatGateway(id, subnet.Id, subnet.VpcId, state.Scope.Account, connectivity, null, null, AllocationId, "failed",
                "Gateway.NotAttached", $"Network {subnet.VpcId} has no Internet gateway attached", now, null);
        }
        else
        {
            if (AddressAllocator.Allocate(state, subnet, PrivateIpAddress is null ? [] : [PrivateIpAddress], PrivateIpAddress is null ? 1 : 0,
                    new HashSet<uint>(), out var addresses) is { } allocationError)
                return allocationError;
            var eni = new NetworkInterface(context.Ids.Next(IdPrefix.NetworkInterface), subnet.Id, subnet.VpcId, subnet.AvailabilityZone,
                subnet.AvailabilityZoneId, state.Scope.Account, $"Interface for NAT Gateway {id}", [.. addresses], [], "nat_gateway",
                RequesterManaged: true, SourceDestCheck: false, Attachment: null, PublicIp: null);
            events.Add(new ResourcePut(eni));
            if (address is not null)
                events.Add(new ResourcePut(address with
                {
                    AssociationId = context.Ids.Next(IdPrefix.ElasticIpAssociation),
                    NetworkInterfaceId = eni.Id,
                    PrivateIpAddress = eni.PrivateIpAddress,
                }));
            gateway = new NatGateway(id, subnet.Id, subnet.VpcId, state.Scope.Account, connectivity, eni.Id, eni.PrivateIpAddress,
                AllocationId, "available", null, null, now, null);
        }
        if (TagRules.ForNewResource(TagSpecifications, "natgateway", id, out var tags) is { } tagError) return tagError;
        events.Insert(0, new ResourcePut(gateway));
        if (tags is not null) events.Add(tags);
        return Decision.Of(id, events);
    }
}
