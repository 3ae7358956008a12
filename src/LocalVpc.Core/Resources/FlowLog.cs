namespace LocalVpc.Core.Resources;

/// <summary>Where an S3 flow log's files go and how they are laid out (DestinationOptions).</summary>
public sealed record FlowLogFileOptions(string FileFormat, bool HiveCompatiblePartitions, bool PerHourPartition);

/// <summary>
/// A flow log (<c>fl-…</c>): which traffic of a VPC, subnet or network interface is logged, in which format, and where
/// the records go (a CloudWatch Logs group, an S3 bucket or a Firehose stream).
/// </summary>
/// <param name="TrafficType">ACCEPT, REJECT or ALL.</param>
/// <param name="LogDestinationType">cloud-watch-logs, s3 or kinesis-data-firehose.</param>
/// <param name="MaxAggregationInterval">Seconds a record gathers packets before it is written: 60 or 600.</param>
/// <param name="FileOptions">S3 destinations only.</param>
public sealed record FlowLog(
    string Id,
    string ResourceId,
    string TrafficType,
    string LogDestinationType,
    string? LogDestination,
    string? LogGroupName,
    string? DeliverLogsPermissionArn,
    string? DeliverCrossAccountRole,
    string LogFormat,
    int MaxAggregationInterval,
    FlowLogFileOptions? FileOptions,
    DateTimeOffset CreationTime,
    string? ClientToken) : Resource(Id)
{
    /// <summary>The version-2 default format, as DescribeFlowLogs shows it when no format was given.</summary>
    public const string DefaultFormat = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} " +
                                        "${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}";

    public string FlowLogStatus => "ACTIVE";
}

/// <summary>How a flow log's delivery goes, as DescribeFlowLogs reports it: SUCCESS, or FAILED with AWS's message.</summary>
public interface IFlowLogDelivery
{
    (string Status, string? Error) Of(Scope scope, FlowLog flowLog);
}

/// <summary>No data plane delivers (the API alone): every flow log reads SUCCESS.</summary>
public sealed class NothingToDeliver : IFlowLogDelivery
{
    public static NothingToDeliver Instance { get; } = new();

    public (string Status, string? Error) Of(Scope scope, FlowLog flowLog) => ("SUCCESS", null);
}
