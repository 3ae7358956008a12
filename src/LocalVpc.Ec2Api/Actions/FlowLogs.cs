using LocalVpc.Core.Commands.FlowLogs;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>VPC flow logs: create, describe, delete.</summary>
public static class FlowLogs
{
    /// <summary>A flow log with how its delivery goes, as DescribeFlowLogs shows it.</summary>
    public sealed record Shown(FlowLog FlowLog, string DeliverLogsStatus, string? DeliverLogsErrorMessage);

    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeFlowLogs.html.</summary>
    public static readonly FilterTable<Shown> Filters = new(new()
    {
        ["deliver-log-status"] = (s, _) => [s.DeliverLogsStatus],
        ["log-destination-type"] = (s, _) => [s.FlowLog.LogDestinationType],
        ["flow-log-id"] = (s, _) => [s.FlowLog.Id],
        ["log-group-name"] = (s, _) => [s.FlowLog.LogGroupName],
        ["resource-id"] = (s, _) => [s.FlowLog.ResourceId],
        ["traffic-type"] = (s, _) => [s.FlowLog.TrafficType],
    }, s => s.FlowLog.Id);

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var input = call.Input;
        var options = input.Struct("DestinationOptions");
        var request = new FlowLogRequest(input.String("TrafficType"), input.String("LogDestinationType"), input.String("LogDestination"),
            input.String("LogGroupName"), input.String("DeliverLogsPermissionArn"), input.String("DeliverCrossAccountRole"), input.String("LogFormat"),
            input.Int("MaxAggregationInterval"), options?.String("FileFormat"), options?.Bool("HiveCompatiblePartitions"),
            options?.Bool("PerHourPartition"), options is not null);
        var outcome = await call.ExecuteAsync(new CreateFlowLogs(input.Strings("ResourceIds"), input.String("ResourceType"), request,
            Binding.TagSpecifications(input), input.String("ClientToken")));
        if (outcome.Failed) return outcome.Error!;
        var (created, unsuccessful) = outcome.Value;
        return ApiReply.Ok(w =>
        {
            w.Element("clientToken", input.String("ClientToken"));
            w.List("flowLogIdSet", created, (w, id) => w.WriteString(id));
            VpcEndpoints.WriteUnsuccessful(w, unsuccessful);
        });
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        // Flow logs of resources that are gone went with them. Ids that name none are simply not shown, as on AWS.
        var ids = call.Input.Strings("FlowLogIds");
        var flowLogs = state.Table(ResourceKinds.FlowLog).Values
            .Where(f => state.Vpcs.ContainsKey(f.ResourceId) || state.Subnets.ContainsKey(f.ResourceId) || state.NetworkInterfaces.ContainsKey(f.ResourceId))
            .Where(f => ids.IsEmpty || ids.Contains(f.Id))
            .Select(f =>
            {
                var (status, error) = call.Options.FlowLogDelivery.Of(call.Scope, f);
                return new Shown(f, status, error);
            });
        if (Filters.Apply(flowLogs, call.Input.Structs("Filter"), state, out var matching) is { } filterError) return filterError;
        if (Paging.Page(matching, s => s.FlowLog.Id, call.Input.Int("MaxResults"), call.Input.String("NextToken"), out var page, out var next) is { } pageError)
            return pageError;
        return ApiReply.Ok(w =>
        {
            w.List("flowLogSet", page, (w, f) => FlowLogXml(w, f, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteFlowLogs(call.Input.Strings("FlowLogIds")));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(w => VpcEndpoints.WriteUnsuccessful(w, outcome.Value!));
    }

    private static void FlowLogXml(XmlWriter w, Shown shown, AccountState state)
    {
        var f = shown.FlowLog;
        w.Element("creationTime", f.CreationTime);
        w.Element("deliverLogsErrorMessage", shown.DeliverLogsErrorMessage);
        w.Element("deliverLogsPermissionArn", f.DeliverLogsPermissionArn);
        w.Element("deliverCrossAccountRole", f.DeliverCrossAccountRole);
        w.Element("deliverLogsStatus", shown.DeliverLogsStatus);
        w.Element("flowLogId", f.Id);
        w.Element("flowLogStatus", f.FlowLogStatus);
        w.Element("logGroupName", f.LogGroupName);
        w.Element("resourceId", f.ResourceId);
        w.Element("trafficType", f.TrafficType);
        w.Element("logDestinationType", f.LogDestinationType);
        w.Element("logDestination", f.LogDestination);
        w.Element("logFormat", f.LogFormat);
        TagXml.TagSet(w, state.TagsOf(f.Id));
        w.Element("maxAggregationInterval", f.MaxAggregationInterval);
        if (f.FileOptions is { } files)
            w.Structure("destinationOptions", w =>
            {
                w.Element("fileFormat", files.FileFormat);
                w.Element("hiveCompatiblePartitions", files.HiveCompatiblePartitions);
                w.Element("perHourPartition", files.PerHourPartition);
            });
    }
}
