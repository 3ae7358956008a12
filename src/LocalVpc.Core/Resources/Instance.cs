namespace LocalVpc.Core.Resources;

/// <summary>
/// An instance: what it was launched with and where, and its primary network interface. LocalVpc runs no
/// machine; an instance is a network identity that traffic can come from and go to.
/// </summary>
/// <param name="State">
/// The state it settles in: running, stopped or terminated. The call that starts a transition answers with
/// the transitional state (pending, stopping, shutting-down); LocalVpc completes transitions at once.
/// </param>
public sealed record Instance(
    string Id,
    string ReservationId,
    string ImageId,
    string InstanceType,
    string? KeyName,
    string SubnetId,
    string VpcId,
    string AvailabilityZone,
    string AvailabilityZoneId,
    string OwnerId,
    int AmiLaunchIndex,
    string PrimaryNetworkInterfaceId,
    string State,
    DateTimeOffset LaunchTime,
    DateTimeOffset StateChangedAt) : Resource(Id)
{
    /// <summary>How long EC2 keeps listing terminated instances.</summary>
    public static readonly TimeSpan TerminatedVisibility = TimeSpan.FromHours(1);

    public bool IsTerminated => State == InstanceState.Terminated.Name;

    public bool IsRunning => State == InstanceState.Running.Name;
}
