using LocalVpc.Core.Commands.VpcEndpoints;

namespace LocalVpc.Core.Commands.FlowLogs;

/// <summary>What a CreateFlowLogs request asks of each flow log (all but the resources it is for).</summary>
public sealed record FlowLogRequest(string? TrafficType, string? LogDestinationType, string? LogDestination, string? LogGroupName,
    string? DeliverLogsPermissionArn, string? DeliverCrossAccountRole, string? LogFormat, int? MaxAggregationInterval,
    string? FileFormat, bool? HiveCompatiblePartitions, bool? PerHourPartition, bool HasDestinationOptions);

/// <summary>
/// CreateFlowLogs: one flow log per VPC, subnet or network interface named. The request as a whole is checked first (an
/// error fails the call); each resource then succeeds, or is listed unsuccessful with why, as AWS does.
/// </summary>
public sealed record CreateFlowLogs(ImmutableArray<string> ResourceIds, string? ResourceType, FlowLogRequest Request,
    ImmutableArray<TagSpecification> TagSpecifications, string? ClientToken)
    : ICommand<(ImmutableArray<string> Created, ImmutableArray<UnsuccessfulItem> Unsuccessful)>
{
    private static readonly FrozenDictionary<string, ResourceKind> KindOf = new Dictionary<string, ResourceKind>
    {
        ["VPC"] = ResourceKinds.Vpc, ["Subnet"] = ResourceKinds.Subnet, ["NetworkInterface"] = ResourceKinds.NetworkInterface,
    }.ToFrozenDictionary();

    public Decision<(ImmutableArray<string> Created, ImmutableArray<UnsuccessfulItem> Unsuccessful)> Decide(AccountState state, CommandContext context)
    {
        // 1. The same token gives back what it made.
        if (ClientToken is not null && state.Table(ResourceKinds.FlowLog).Values.Where(f => f.ClientToken == ClientToken).ToList() is { Count: > 0 } earlier)
            return Decision.Of<(ImmutableArray<string>, ImmutableArray<UnsuccessfulItem>)>(([.. earlier.Select(f => f.Id)], []));

        // 2. The request as a whole.
        if (ResourceIds.IsEmpty) return Ec2Errors.MissingParameter("ResourceId");
        if (ResourceType is null) return Ec2Errors.MissingParameter("ResourceType");
        if (!KindOf.TryGetValue(ResourceType, out var kind))
            return Ec2Errors.InvalidParameter($"LocalVpc keeps flow logs of VPCs, subnets and network interfaces, not of {ResourceType}.");
        if (FlowLogDestinations.Check(Request, state.Scope, out var template) is { } invalid) return invalid;

        // 3. Each resource.
        var now = context.Time.GetUtcNow();
        var created = ImmutableArray.CreateBuilder<string>();
        var unsuccessful = ImmutableArray.CreateBuilder<UnsuccessfulItem>();
        var events = new List<Event>();
        var existing = state.Table(ResourceKinds.FlowLog).Values.ToList();
        foreach (var resourceId in ResourceIds.Distinct())
        {
            if (Missing(state, kind, resourceId) is { } notFound)
            {
                unsuccessful.Add(new UnsuccessfulItem(resourceId, notFound));
                continue;
            }
            if (existing.Exists(f => f.ResourceId == resourceId && f.TrafficType == template.TrafficType &&
                                     f.LogDestinationType == template.LogDestinationType && f.LogDestination == template.LogDestination))
            {
                unsuccessful.Add(new UnsuccessfulItem(resourceId,
                    new AwsError("FlowLogAlreadyExists", "Error. There is an existing Flow Log with the same configuration and log destination.")));
                continue;
            }
            var flowLog = template with { Id = context.Ids.Next(IdPrefix.FlowLog), ResourceId = resourceId, CreationTime = now, ClientToken = ClientToken };
            if (TagRules.ForNewResource(TagSpecifications, "vpc-flow-log", flowLog.Id, out var tags) is { } tagError) return tagError;
            events.Add(new ResourcePut(flowLog));
            if (tags is not null) events.Add(tags);
            existing.Add(flowLog);
            created.Add(flowLog.Id);
        }
        return Decision.Of((created.ToImmutable(), unsuccessful.ToImmutable()), events);
    }

    private static AwsError? Missing(AccountState state, ResourceKind kind, string id) => kind switch
    {
        ResourceKind<Vpc> vpcs => vpcs.Find(state, id, out _),
        ResourceKind<Subnet> subnets => subnets.Find(state, id, out _),
        ResourceKind<NetworkInterface> interfaces => interfaces.Find(state, id, out _),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
