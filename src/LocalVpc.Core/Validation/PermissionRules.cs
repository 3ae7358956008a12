using System.Net;

namespace LocalVpc.Core.Validation;

/// <summary>
/// Checks and normalises a security group rule as EC2 does: protocol names or numbers, ports per protocol,
/// peers (https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html).
/// </summary>
public static class PermissionRules
{
    /// <summary>The protocol as EC2 stores it: names for tcp, udp, icmp, icmpv6; -1 for all; else the number.</summary>
    public static AwsError? NormalizeProtocol(string? protocol, out string normalized)
    {
        normalized = "";
        if (protocol is null) return Ec2Errors.MissingParameter("IpPermissions.IpProtocol");
        normalized = protocol.ToLowerInvariant() switch
        {
            "tcp" or "6" => "tcp",
            "udp" or "17" => "udp",
            "icmp" or "1" => "icmp",
            "icmpv6" or "58" => "icmpv6",
            "-1" or "all" => "-1",
            var n when int.TryParse(n, out var number) && number is >= 0 and <= 255 && n == number.ToString() => n,
            _ => "",
        };
        return normalized.Length == 0
            ? Ec2Errors.InvalidParameterValue($"Invalid value '{protocol}' for IP protocol. Unknown protocol.")
            : null;
    }

    /// <summary>Builds the stored rule, or the error AWS gives for the spec.</summary>
    public static AwsError? ToRule(RuleSpec spec, bool isEgress, string ruleId, AccountState state, out SecurityGroupRule rule)
    {
        rule = null!;
        if (NormalizeProtocol(spec.IpProtocol, out var protocol) is { } error) return error;
        int? from = null, to = null;
        switch (protocol)
        {
            case "tcp" or "udp":
                if (spec.FromPort is null || spec.ToPort is null)
                    return Ec2Errors.InvalidParameterValue("Invalid value for portRange. Must specify both from and to ports with TCP/UDP.");
                // Messages as EC2 sends them (boto/boto3#336: "TCP/UDP port (-1) out of range").
                if (spec.FromPort is < 0 or > 65535 || spec.ToPort is < 0 or > 65535)
                    return Ec2Errors.PermissionMalformed($"TCP/UDP port ({(spec.FromPort is < 0 or > 65535 ? spec.FromPort : spec.ToPort)}) out of range");
                if (spec.FromPort > spec.ToPort)
                    return Ec2Errors.InvalidParameterValue($"Invalid TCP/UDP port range: from port {spec.FromPort} is greater than to port {spec.ToPort}.");
                (from, to) = (spec.FromPort, spec.ToPort);
                break;
            case "icmp" or "icmpv6":
                from = spec.FromPort ?? -1;
                to = spec.ToPort ?? -1;
                if (from is < -1 or > 255 || to is < -1 or > 255)
                    return Ec2Errors.InvalidParameterValue($"Invalid value for ICMP type or code: {from}, {to}. Values must be between -1 and 255.");
                break;
        }
        if (CheckPeer(spec.Peer) is { } peerError) return peerError;
        if (spec.Peer.PrefixListId is { } pl && Lookup.PrefixListCidrs(state, pl) is null) return Ec2Errors.PrefixListNotFound(pl);
        rule = new SecurityGroupRule(ruleId, isEgress, protocol, from, to, spec.Peer, spec.Description);
        return null;
    }

    private static AwsError? CheckPeer(RulePeer peer)
    {
        if (peer.CidrIpv4 is { } v4 && !Ipv4Cidr.TryParse(v4, out _))
            return Ec2Errors.InvalidParameterValue($"CIDR block {v4} is malformed");
        if (peer.CidrIpv6 is { } v6 && !Ipv6Cidr.TryParse(v6, out _))
            return Ec2Errors.InvalidParameterValue($"CIDR block {v6} is malformed");
        if (peer.PrefixListId is { } pl && !IdPrefix.IsWellFormed(pl, "pl"))
            return Ec2Errors.InvalidParameterValue($"The prefix list ID '{pl}' is malformed");
        return null;
    }
}
