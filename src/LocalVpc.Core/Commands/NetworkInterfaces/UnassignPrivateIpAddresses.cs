namespace LocalVpc.Core.Commands.NetworkInterfaces;

/// <summary>UnassignPrivateIpAddresses: secondary addresses only; the primary stays for the interface's life.</summary>
public sealed record UnassignPrivateIpAddresses(string NetworkInterfaceId, ImmutableArray<string> PrivateIpAddresses) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.NetworkInterface.Find(state, NetworkInterfaceId, out var eni) is { } error) return error;
        if (PrivateIpAddresses.IsEmpty) return Ec2Errors.MissingParameter("PrivateIpAddress");
        if (eni.PrivateIpAddress is { } primary && PrivateIpAddresses.Contains(primary))
            return Ec2Errors.InvalidParameterValue($"The primary private IP address {eni.PrivateIpAddress} of {eni.Id} cannot be unassigned.");
        if (PrivateIpAddresses.Any(a => !eni.PrivateIpAddresses.Contains(a)))
            return Ec2Errors.InvalidParameterValue($"Some of the specified addresses are not assigned to interface {eni.Id}");
        return Decision.Of(true, new ResourcePut(eni with { PrivateIpAddresses = eni.PrivateIpAddresses.RemoveRange(PrivateIpAddresses) }));
    }
}
