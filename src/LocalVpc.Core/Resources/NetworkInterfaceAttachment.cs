namespace LocalVpc.Core.Resources;

/// <summary>A network interface's attachment to an instance (<c>eni-attach-…</c>).</summary>
public sealed record NetworkInterfaceAttachment(string Id, string InstanceId, int DeviceIndex, DateTimeOffset AttachTime,
    bool DeleteOnTermination);
