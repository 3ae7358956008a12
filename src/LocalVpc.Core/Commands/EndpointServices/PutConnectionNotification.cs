namespace LocalVpc.Core.Commands.EndpointServices;

/// <summary>
/// CreateVpcEndpointConnectionNotification (no <paramref name="NotificationId"/>) and ModifyVpcEndpointConnectionNotification.
/// Events are Accept, Connect, Delete and Reject; the topic is an SNS topic ARN.
/// </summary>
public sealed record PutConnectionNotification(string? NotificationId, string? ServiceId, string? VpcEndpointId, string? TopicArn,
    ImmutableArray<string> Events) : ICommand<string>
{
    private static readonly string[] KnownEvents = ["Accept", "Connect", "Delete", "Reject"];

    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (Events.FirstOrDefault(e => !KnownEvents.Contains(e)) is { } unknown)
            return Ec2Errors.InvalidParameterValue($"Invalid connection event '{unknown}': use Accept, Connect, Delete or Reject.");
        if (TopicArn is not null && !TopicArn.StartsWith("arn:aws:sns:", StringComparison.Ordinal))
            return Ec2Errors.InvalidParameterValue($"'{TopicArn}' is not an SNS topic ARN.");
        if (NotificationId is not null)
        {
            if (state.ConnectionNotifications.GetValueOrDefault(NotificationId) is not { } existing)
                return new AwsError("InvalidConnectionNotification", $"The connection notification '{NotificationId}' does not exist");
            return Decision.Of(existing.Id, new ResourcePut(existing with
            {
                TopicArn = TopicArn ?? existing.TopicArn,
                Events = Events.IsEmpty ? existing.Events : [.. Events.Distinct()],
            }));
        }
        if ((ServiceId is null) == (VpcEndpointId is null))
            return Ec2Errors.InvalidParameterCombination("Specify either a service ID or a VPC endpoint ID.");
        if (ServiceId is not null && ResourceKinds.EndpointService.Find(state, ServiceId, out _) is { } serviceError) return serviceError;
        if (VpcEndpointId is not null && ResourceKinds.VpcEndpoint.Find(state, VpcEndpointId, out _) is { } endpointError) return endpointError;
        if (TopicArn is null) return Ec2Errors.MissingParameter("ConnectionNotificationArn");
        if (Events.IsEmpty) return Ec2Errors.MissingParameter("ConnectionEvents");
        var notification = new ConnectionNotification(context.Ids.Next(IdPrefix.ConnectionNotification), ServiceId, VpcEndpointId, TopicArn,
            [.. Events.Distinct()]);
        return Decision.Of(notification.Id, new ResourcePut(notification));
    }
}
