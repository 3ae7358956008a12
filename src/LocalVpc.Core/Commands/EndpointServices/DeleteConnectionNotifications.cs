namespace LocalVpc.Core.Commands.EndpointServices;

/// <summary>DeleteVpcEndpointConnectionNotifications: unknown ids come back one by one in Unsuccessful.</summary>
public sealed record DeleteConnectionNotifications(ImmutableArray<string> NotificationIds)
    : ICommand<ImmutableArray<Commands.VpcEndpoints.UnsuccessfulItem>>
{
    public Decision<ImmutableArray<Commands.VpcEndpoints.UnsuccessfulItem>> Decide(AccountState state, CommandContext context)
    {
        var unsuccessful = ImmutableArray.CreateBuilder<Commands.VpcEndpoints.UnsuccessfulItem>();
        var events = new List<Event>();
        foreach (var id in NotificationIds.Distinct())
        {
            if (state.ConnectionNotifications.ContainsKey(id)) events.Add(new ResourceRemoved(id));
            else unsuccessful.Add(new Commands.VpcEndpoints.UnsuccessfulItem(id,
                new AwsError("InvalidConnectionNotification", $"The connection notification '{id}' does not exist")));
        }
        return Decision.Of(unsuccessful.ToImmutable(), events);
    }
}
