namespace LocalVpc.Core.Resources;

/// <summary>
/// A connection notification (<c>vpce-nfn-…</c>): which endpoint events of a service or an endpoint go to an
/// SNS topic. Recorded and described; LocalVpc does not publish to SNS.
/// </summary>
public sealed record ConnectionNotification(string Id, string? ServiceId, string? VpcEndpointId, string TopicArn,
    ImmutableArray<string> Events) : Resource(Id);
