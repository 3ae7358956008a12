namespace LocalVpc.Core.Requests;

/// <summary>A network ACL entry as CreateNetworkAclEntry and ReplaceNetworkAclEntry state it.</summary>
public sealed record NetworkAclEntrySpec(int RuleNumber, string Protocol, string RuleAction, bool Egress, string? CidrBlock,
    string? Ipv6CidrBlock, int? FromPort, int? ToPort, int? IcmpType, int? IcmpCode);
