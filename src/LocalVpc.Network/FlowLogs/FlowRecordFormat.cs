using System.Globalization;

namespace LocalVpc.Network.FlowLogs;

/// <summary>
/// A record as a line of a flow log's format: each <c>${field}</c> in turn, space-separated, <c>-</c> where the field
/// does not apply (https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html).
/// </summary>
public static class FlowRecordFormat
{
    /// <summary>The version a format's records carry: the highest version among its fields.</summary>
    public static int Version(IEnumerable<string> fields) => fields.Select(f => f switch
    {
        "vpc-id" or "subnet-id" or "instance-id" or "tcp-flags" or "type" or "pkt-srcaddr" or "pkt-dstaddr" => 3,
        "region" or "az-id" or "sublocation-type" or "sublocation-id" => 4,
        "pkt-src-aws-service" or "pkt-dst-aws-service" or "flow-direction" or "traffic-path" => 5,
        _ when f.StartsWith("ecs-", StringComparison.Ordinal) => 7,
        "reject-reason" => 8,
        _ => 2,
    }).DefaultIfEmpty(2).Max();

    public static string Line(FlowRecord r, IReadOnlyList<string> fields)
    {
        var version = Version(fields).ToString(CultureInfo.InvariantCulture);
        return string.Join(' ', fields.Select(f => Field(r, f, version)));
    }

    private static string Field(FlowRecord r, string field, string version) => field switch
    {
        "version" => version,
        "account-id" => r.AccountId,
        "interface-id" => r.Interface.Id,
        "srcaddr" or "pkt-srcaddr" => r.SrcAddr,
        "dstaddr" or "pkt-dstaddr" => r.DstAddr,
        "srcport" => Number(r.SrcPort),
        "dstport" => Number(r.DstPort),
        "protocol" => Number(r.Protocol),
        "packets" => Number(r.Packets),
        "bytes" => Number(r.Bytes),
        "start" => Number(r.Start.ToUnixTimeSeconds()),
        "end" => Number(r.End.ToUnixTimeSeconds()),
        "action" => r.Action,
        "log-status" => "OK",
        "vpc-id" => r.Interface.VpcId,
        "subnet-id" => r.Interface.SubnetId,
        "instance-id" => r.InstanceId ?? "-",
        "tcp-flags" => Number(r.TcpFlags),
        "type" => r.SrcAddr.Contains(':') ? "IPv6" : "IPv4",
        "region" => r.Region,
        "az-id" => r.Interface.AvailabilityZoneId,
        "flow-direction" => r.FlowDirection,
        "traffic-path" => r.TrafficPath ?? "-",
        _ => "-",
    };

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
