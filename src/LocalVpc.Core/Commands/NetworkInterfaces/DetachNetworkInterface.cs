namespace LocalVpc.Core.Commands.NetworkInterfaces;

/// <summary>DetachNetworkInterface: any attachment but an instance's primary interface (device index 0) can be taken off.</summary>
public sealed record DetachNetworkInterface(string AttachmentId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (string.IsNullOrEmpty(AttachmentId)) return Ec2Errors.MissingParameter("AttachmentId");
        var eni = state.NetworkInterfaces.Values.FirstOrDefault(n => n.Attachment?.Id == AttachmentId);
        if (eni is null) return Ec2Errors.AttachmentNotFound(AttachmentId);
        if (eni.Attachment!.DeviceIndex == 0)
            return Ec2Errors.OperationNotPermitted("The network interface at device index 0 and networkCard index 0 cannot be detached.");
        return Decision.Of(true, new ResourcePut(eni.Detached()));
    }
}
