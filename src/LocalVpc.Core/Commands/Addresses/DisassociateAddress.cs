namespace LocalVpc.Core.Commands.Addresses;

/// <summary>DisassociateAddress: by association id, or by public address. A NAT gateway's address stays with it.</summary>
public sealed record DisassociateAddress(string? AssociationId, string? PublicIp) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        Address? address;
        if (AssociationId is not null)
        {
            address = state.Addresses.Values.FirstOrDefault(a => a.AssociationId == AssociationId);
            if (address is null) return Ec2Errors.AddressAssociationNotFound(AssociationId);
        }
        else if (PublicIp is not null)
        {
            address = state.Addresses.Values.FirstOrDefault(a => a.PublicIp == PublicIp);
            if (address is null) return Ec2Errors.AddressNotFound(PublicIp);
            if (!address.IsAssociated) return Decision.Of(true);
        }
        else return Ec2Errors.MissingParameter("AssociationId");
        if (address.NetworkInterfaceId is { } eniId && state.NetworkInterfaces.GetValueOrDefault(eniId) is { RequesterManaged: true })
            return new AwsError("AuthFailure", $"You do not have permission to access the specified resource: {address.AssociationId} belongs to an AWS-managed interface.");
        return Decision.Of(true, new ResourcePut(address with { AssociationId = null, NetworkInterfaceId = null, PrivateIpAddress = null }));
    }
}
