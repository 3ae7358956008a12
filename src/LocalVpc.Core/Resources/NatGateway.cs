namespace LocalVpc.Core.Resources;

/// <summary>
/// A NAT gateway in one subnet, with its requester-managed network interface and, when public, its
/// Elastic IP. <see cref="State"/> is where it settles: available, failed or deleted; the create call
/// answers pending, as EC2 does, and LocalVpc completes the transition at once.
/// </summary>
public sealed record NatGateway(
    string Id,
    string SubnetId,
    string VpcId,
    string OwnerId,
    string ConnectivityType,
    string? NetworkInterfaceId,
    string? PrivateIp,
    string? AllocationId,
    string State,
    string? FailureCode,
    string? FailureMessage,
    DateTimeOffset CreateTime,
    DateTimeOffset? DeleteTime) : Resource(Id)
{
    /// <summary>How long EC2 keeps listing a deleted NAT gateway.</summary>
    public static readonly TimeSpan DeletedVisibility = TimeSpan.FromHours(1);

    public bool IsAvailable => State == "available";

    public bool IsGone => State is "deleted" or "failed";
}
