namespace LocalVpc.Core.Commands.EndpointServices;

/// <summary>
/// AcceptVpcEndpointConnections and RejectVpcEndpointConnections: the provider answers endpoints to one of its
/// services, in whichever accounts they are, in one decision. Accepting moves a pendingAcceptance endpoint to
/// available; rejecting moves a pendingAcceptance or available one to rejected. What cannot be answered is reported
/// per endpoint, as the API's Unsuccessful list.
/// </summary>
public sealed record AnswerEndpointConnections(string ServiceId, ImmutableArray<string> VpcEndpointIds, bool Accept)
    : ICommand<ImmutableArray<Commands.VpcEndpoints.UnsuccessfulItem>>
{
    public Decision<ImmutableArray<Commands.VpcEndpoints.UnsuccessfulItem>> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.EndpointService.Find(state, ServiceId, out var configuration) is { } error) return error;
        var now = context.Time.GetUtcNow();
        var unsuccessful = ImmutableArray.CreateBuilder<Commands.VpcEndpoints.UnsuccessfulItem>();
        var changes = new Dictionary<string, List<Event>>(StringComparer.Ordinal);
        foreach (var id in VpcEndpointIds.Distinct())
        {
            var consumer = context.Region.Accounts.Values.FirstOrDefault(a =>
                a.VpcEndpoints.TryGetValue(id, out var e) && e.ServiceName == configuration.ServiceName);
            if (consumer is null)
            {
                unsuccessful.Add(new(id, Ec2Errors.VpcEndpointNotFound(id)));
                continue;
            }
            var endpoint = consumer.VpcEndpoints[id];
            var allowed = Accept ? endpoint.State == VpcEndpointState.PendingAcceptance
                : endpoint.State is VpcEndpointState.PendingAcceptance or VpcEndpointState.Available;
            if (!allowed)
            {
                unsuccessful.Add(new(id, Ec2Errors.InvalidEndpointState(endpoint.Id, endpoint.State.ToWire(), Accept ? "accepted" : "rejected")));
                continue;
            }
            var answered = endpoint with { State = Accept ? VpcEndpointState.Available : VpcEndpointState.Rejected };
            var account = consumer.Scope.Account;
            if (!changes.TryGetValue(account, out var events)) changes[account] = events = [];
            events.Add(new ResourcePut(answered.ChangedAtTime(now, context.EndpointTransition)));
        }
        var own = changes.Remove(state.Scope.Account, out var mine) ? [.. mine] : ImmutableArray<Event>.Empty;
        return Decision.Across(unsuccessful.ToImmutable(), own, changes.Select(c => new AccountEvents(c.Key, [.. c.Value])));
    }
}
