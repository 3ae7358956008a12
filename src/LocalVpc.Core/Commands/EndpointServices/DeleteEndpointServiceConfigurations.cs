namespace LocalVpc.Core.Commands.EndpointServices;

/// <summary>
/// DeleteVpcEndpointServiceConfigurations: one by one; a service that endpoints in any account of the region still
/// connect to (pendingAcceptance, pending or available) stays, reported in Unsuccessful.
/// </summary>
public sealed record DeleteEndpointServiceConfigurations(ImmutableArray<string> ServiceIds)
    : ICommand<ImmutableArray<Commands.VpcEndpoints.UnsuccessfulItem>>
{
    public Decision<ImmutableArray<Commands.VpcEndpoints.UnsuccessfulItem>> Decide(AccountState state, CommandContext context)
    {
        var unsuccessful = ImmutableArray.CreateBuilder<Commands.VpcEndpoints.UnsuccessfulItem>();
        var events = new List<Event>();
        var connected = EndpointServiceDirectory.ConnectionsTo(context.Region, state, context.Time.GetUtcNow())
            .Where(c => c.State is VpcEndpointState.PendingAcceptance or VpcEndpointState.Pending or VpcEndpointState.Available)
            .Select(c => c.Configuration.Id).ToHashSet();
        foreach (var id in ServiceIds.Distinct())
        {
            AwsError? error = !IdPrefix.IsWellFormed(id, IdPrefix.EndpointService) ? Ec2Errors.EndpointServiceIdMalformed(id)
                : !state.EndpointServices.ContainsKey(id) ? Ec2Errors.EndpointServiceNotFoundForDelete(id)
                : connected.Contains(id) ? Ec2Errors.ExistingVpcEndpointConnections(id)
                : null;
            if (error is not null) unsuccessful.Add(new Commands.VpcEndpoints.UnsuccessfulItem(id, error));
            else events.Add(new ResourceRemoved(id));
        }
        return Decision.Of(unsuccessful.ToImmutable(), events);
    }
}
