namespace LocalVpc.Core.Commands.Instances;

/// <summary>
/// StartInstances, StopInstances and TerminateInstances. Stopping gives back the launch public address
/// (a start gets a new one, as on EC2); terminating deletes the interfaces marked delete-on-termination
/// and detaches the others. Each call answers with the transitional state; the instance is in the settled
/// one right after.
/// </summary>
public sealed record ChangeInstanceState(ImmutableArray<string> InstanceIds, InstanceAction Action) : ICommand<ImmutableArray<InstanceStateChange>>
{
    /// <summary>Starting stopped instances takes vCPUs of the quota again; all start or none do.</summary>
    private AwsError? StartsBeyondVcpuQuota(AccountState state, CommandContext context)
    {
        var starting = InstanceIds.Distinct().Select(id => state.Instances.GetValueOrDefault(id)).Where(i => i is { State: "stopped" })
            .Sum(i => VcpuQuota.Of(i!.InstanceType));
        var limit = context.Quotas[ServiceQuotas.RunningOnDemandStandardVcpus];
        return starting > 0 && VcpuQuota.Running(state) + starting > limit ? Ec2Errors.VcpuLimitExceeded(limit) : null;
    }

    public Decision<ImmutableArray<InstanceStateChange>> Decide(AccountState state, CommandContext context)
    {
        if (InstanceIds.IsEmpty) return Ec2Errors.MissingParameter("InstanceId");
        if (Action == InstanceAction.Start && StartsBeyondVcpuQuota(state, context) is { } quotaError) return quotaError;
        var now = context.Time.GetUtcNow();
        var events = new List<Event>();
        var changes = ImmutableArray.CreateBuilder<InstanceStateChange>();
        var publicPending = new HashSet<uint>();
        foreach (var id in InstanceIds.Distinct())
        {
            if (ResourceKinds.Instance.Find(state, id, out var instance) is { } error) return error;
            var previous = InstanceState.Of(instance.State);
            var (transitional, settled) = Action switch
            {
                InstanceAction.Start => (InstanceState.Pending, InstanceState.Running),
                InstanceAction.Stop => (InstanceState.Stopping, InstanceState.Stopped),
                _ => (InstanceState.ShuttingDown, InstanceState.Terminated),
            };
            if (instance.IsTerminated)
            {
                if (Action == InstanceAction.Terminate)
                {
                    changes.Add(new InstanceStateChange(id, previous, previous));
                    continue;
                }
                return Ec2Errors.IncorrectInstanceState(id, instance.State, Action == InstanceAction.Start ? "started" : "stopped");
            }
            if (instance.State == settled.Name)
            {
                changes.Add(new InstanceStateChange(id, previous, previous));
                continue;
            }
            changes.Add(new InstanceStateChange(id, previous, transitional));
            events.Add(new ResourcePut(instance with { State = settled.Name, StateChangedAt = now }));
            if (Action == InstanceAction.Terminate)
                foreach (var volume in state.VolumesOf(instance.Id))
                    events.Add(volume.Attachment!.DeleteOnTermination ? new ResourceRemoved(volume.Id) : new ResourcePut(volume with { Attachment = null }));
            foreach (var eni in state.NetworkInterfacesOf(instance))
            {
                if (Action == InstanceAction.Terminate)
                    foreach (var address in state.Addresses.Values.Where(a => a.NetworkInterfaceId == eni.Id))
                        events.Add(new ResourcePut(address with { AssociationId = null, NetworkInterfaceId = null, PrivateIpAddress = null }));
                if (Action == InstanceAction.Terminate && eni.Attachment!.DeleteOnTermination)
                    events.Add(new ResourceRemoved(eni.Id));
                else if (Action == InstanceAction.Terminate)
                    events.Add(new ResourcePut(eni.Detached() with { PublicIp = null }));
                else if (Action == InstanceAction.Stop)
                    events.Add(new ResourcePut(eni with { PublicIp = null }));
                else if (eni.Attachment!.DeviceIndex == 0 && state.Subnets[eni.SubnetId].MapPublicIpOnLaunch && eni.PublicIp is null)
                {
                    if (PublicAddressPool.Allocate(state, publicPending, out var address) is { } poolError) return poolError;
                    events.Add(new ResourcePut(eni with { PublicIp = address }));
                }
            }
        }
        return Decision.Of(changes.ToImmutable(), events);
    }
}
