namespace LocalVpc.Core.Commands.NetworkInterfaces;

/// <summary>DeleteNetworkInterface: only an unattached interface the user created.</summary>
public sealed record DeleteNetworkInterface(string NetworkInterfaceId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.NetworkInterface.Find(state, NetworkInterfaceId, out var eni) is { } error) return error;
        if (eni.Attachment is not null || eni.RequesterManaged) return Ec2Errors.NetworkInterfaceInUse(eni.Id);
        var events = state.Addresses.Values.Where(a => a.NetworkInterfaceId == eni.Id)
            .Select(a => (Event)new ResourcePut(a with { AssociationId = null, NetworkInterfaceId = null, PrivateIpAddress = null }))
            .Append(new ResourceRemoved(eni.Id));
        return Decision.Of(true, events);
    }
}
