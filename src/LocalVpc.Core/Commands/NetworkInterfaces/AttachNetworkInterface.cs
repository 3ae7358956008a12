namespace LocalVpc.Core.Commands.NetworkInterfaces;

/// <summary>
/// AttachNetworkInterface: an available interface joins an instance in its availability zone at a free device index.
/// An interface attached this way is kept when the instance terminates (DeleteOnTermination false), as on EC2.
/// </summary>
public sealed record AttachNetworkInterface(string NetworkInterfaceId, string InstanceId, int? DeviceIndex) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (DeviceIndex is not { } index) return Ec2Errors.MissingParameter("DeviceIndex");
        if (ResourceKinds.NetworkInterface.Find(state, NetworkInterfaceId, out var eni) is { } error) return error;
        if (ResourceKinds.Instance.Find(state, InstanceId, out var instance) is { } instanceError) return instanceError;
        if (index < 1) return Ec2Errors.InvalidParameterValue("deviceIndex", index.ToString());
        if (eni.Attachment is not null || eni.RequesterManaged) return Ec2Errors.NetworkInterfaceInUse(eni.Id);
        if (!instance.IsRunning && instance.State != InstanceState.Stopped.Name)
            return Ec2Errors.IncorrectInstanceState(instance.Id, instance.State, "attached to");
        if (eni.AvailabilityZone != instance.AvailabilityZone)
            return Ec2Errors.InvalidParameterCombination(
                "You may not attach a network interface to an instance if they are not in the same availability zone");
        if (eni.VpcId != instance.VpcId)
            return Ec2Errors.InvalidParameterCombination($"The network interface {eni.Id} and instance {instance.Id} are in different VPCs.");
        if (state.NetworkInterfacesOf(instance).Any(n => n.Attachment!.DeviceIndex == index))
            return Ec2Errors.InvalidParameterValue($"Instance '{instance.Id}' already has an interface attached at device index '{index}'.");
        var attachment = new NetworkInterfaceAttachment(context.Ids.Next(IdPrefix.NetworkInterfaceAttachment), instance.Id, index,
            context.Time.GetUtcNow(), DeleteOnTermination: false);
        return Decision.Of(attachment.Id, new ResourcePut(eni.Attached(attachment)));
    }
}
