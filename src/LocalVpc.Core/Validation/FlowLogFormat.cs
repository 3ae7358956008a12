namespace LocalVpc.Core.Validation;

/// <summary>
/// A flow log's custom format: <c>${field}</c> tokens separated by spaces, each a field AWS documents
/// (https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html#flow-logs-fields).
/// </summary>
public static class FlowLogFormat
{
    public static readonly FrozenSet<string> Fields = new[]
    {
        "version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes", "start",
        "end", "action", "log-status", "vpc-id", "subnet-id", "instance-id", "tcp-flags", "type", "pkt-srcaddr", "pkt-dstaddr", "region",
        "az-id", "sublocation-type", "sublocation-id", "pkt-src-aws-service", "pkt-dst-aws-service", "flow-direction", "traffic-path",
        "ecs-cluster-arn", "ecs-cluster-name", "ecs-container-instance-arn", "ecs-container-instance-id", "ecs-container-id",
        "ecs-second-container-id", "ecs-service-name", "ecs-task-definition-arn", "ecs-task-arn", "ecs-task-id", "reject-reason",
        "resource-id", "encryption-status",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The fields of a format, in order; AWS's error when a token is not <c>${field}</c> or names no field.</summary>
    public static AwsError? Parse(string format, out ImmutableArray<string> fields)
    {
        var tokens = format.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        ImmutableArray<string> named = [.. tokens.Select(t => t.StartsWith("${", StringComparison.Ordinal) && t.EndsWith('}') ? t[2..^1] : "")];
        fields = named;
        var unknown = tokens.Where((t, i) => !Fields.Contains(named[i])).ToList();
        if (tokens.Length == 0) return Ec2Errors.InvalidParameter("LogFormat must name at least one field, as ${version} ${srcaddr}.");
        return unknown.Count > 0 ? Ec2Errors.InvalidParameter($"Unknown fields provided: {string.Join(", ", unknown)}") : null;
    }
}
