namespace LocalVpc.Core.Commands.NetworkInterfaces;

/// <summary>DeleteNetworkInterface: only an unattached interface the user created.</summary>
public sealed record DeleteNetworkInterface(string NetworkInterfaceId) : ICommand<bool>
{
    public Decision<bool> Decide(RegionState state, CommandContext context)
    {
        if (Lookup.NetworkInterface(state, NetworkInterfaceId, out var eni) is { } error) return error;
        if (eni.Attachment is not null || eni.RequesterManaged) return Ec2Errors.NetworkInterfaceInUse(eni.Id);
        return Decision.Of(true, new ResourceRemoved(eni.Id));
    }
}
