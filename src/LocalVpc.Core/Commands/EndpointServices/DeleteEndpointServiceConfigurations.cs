namespace LocalVpc.Core.Commands.EndpointServices;

/// <summary>
/// DeleteVpcEndpointServiceConfigurations: one by one; a service that endpoints still connect to (in any
/// account: <paramref name="Connected"/>, as the caller found them) stays, reported in Unsuccessful.
/// </summary>
public sealed record DeleteEndpointServiceConfigurations(ImmutableArray<string> ServiceIds, ImmutableHashSet<string> Connected)
    : ICommand<ImmutableArray<Commands.VpcEndpoints.UnsuccessfulItem>>
{
    public Decision<ImmutableArray<Commands.VpcEndpoints.UnsuccessfulItem>> Decide(RegionState state, CommandContext context)
    {
        var unsuccessful = ImmutableArray.CreateBuilder<Commands.VpcEndpoints.UnsuccessfulItem>();
        var events = new List<Event>();
        foreach (var id in ServiceIds.Distinct())
        {
            Ec2Error? error = !IdPrefix.IsWellFormed(id, IdPrefix.EndpointService) ? Ec2Errors.EndpointServiceIdMalformed(id)
                : !state.EndpointServices.ContainsKey(id) ? Ec2Errors.EndpointServiceNotFoundForDelete(id)
                : Connected.Contains(id) ? Ec2Errors.ExistingVpcEndpointConnections(id)
                : null;
            if (error is not null) unsuccessful.Add(new Commands.VpcEndpoints.UnsuccessfulItem(id, error));
            else events.Add(new ResourceRemoved(id));
        }
        return Decision.Of(unsuccessful.ToImmutable(), events);
    }
}
