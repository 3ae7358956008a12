using System.Text.Json.Serialization;

namespace LocalVpc.Core.Resources;

/// <summary>
/// A VPC endpoint's state, as EC2 names it (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VpcEndpoint.html).
/// The log stores the wire name.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<VpcEndpointState>))]
public enum VpcEndpointState
{
    [JsonStringEnumMemberName("pendingAcceptance")] PendingAcceptance,
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("available")] Available,
    [JsonStringEnumMemberName("deleting")] Deleting,
    [JsonStringEnumMemberName("deleted")] Deleted,
    [JsonStringEnumMemberName("rejected")] Rejected,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("expired")] Expired,
    [JsonStringEnumMemberName("partial")] Partial,
}
