namespace LocalVpc.Core.Validation;

/// <summary>
/// Checks an entry as EC2 does (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html): rule
/// numbers 1 to 32766, protocol numbers (names are taken too), a port range for TCP and UDP, a type and
/// code for ICMP.
/// </summary>
public static class NetworkAclEntryRules
{
    public const int MaxRuleNumber = 32766;

    public static AwsError? ToEntry(NetworkAclEntrySpec spec, out NetworkAclEntry entry)
    {
        entry = null!;
        if (spec.RuleNumber is < 1 or > MaxRuleNumber)
            return Ec2Errors.InvalidParameterValueRange("ruleNumber", spec.RuleNumber.ToString(), 1, MaxRuleNumber);
        if (spec.RuleAction is not ("allow" or "deny")) return Ec2Errors.InvalidParameterValue("ruleAction", spec.RuleAction);
        var protocol = spec.Protocol.ToLowerInvariant() switch
        {
            "tcp" => "6", "udp" => "17", "icmp" => "1", "icmpv6" => "58", "all" => "-1",
            var p when p == "-1" || (int.TryParse(p, out var n) && n is >= 0 and <= 255 && p == n.ToString()) => p,
            _ => null,
        };
        if (protocol is null) return Ec2Errors.InvalidParameterValue("protocol", spec.Protocol);
        if ((spec.CidrBlock is null) == (spec.Ipv6CidrBlock is null))
            return Ec2Errors.InvalidParameterCombination("Exactly one of cidrBlock or ipv6CidrBlock must be specified.");
        if (spec.CidrBlock is { } cidr && !Ipv4Cidr.TryParse(cidr, out _)) return Ec2Errors.InvalidCidr("cidrBlock", cidr);
        if (spec.Ipv6CidrBlock is { } v6 && !Ipv6Cidr.TryParse(v6, out _)) return Ec2Errors.InvalidCidr("ipv6CidrBlock", v6);

        int? from = null, to = null, type = null, code = null;
        if (protocol is "6" or "17")
        {
            if (spec.FromPort is not { } f || spec.ToPort is not { } t)
                return Ec2Errors.MissingParameter("portRange");
            if (f is < 0 or > 65535 || t is < 0 or > 65535 || f > t)
                return Ec2Errors.InvalidParameterValue($"Invalid value for portRange: {f}-{t}. Ports must be between 0 and 65535, from not above to.");
            (from, to) = (f, t);
        }
        else if (protocol is "1" or "58")
        {
            if (spec.IcmpType is not { } ty || spec.IcmpCode is not { } co) return Ec2Errors.MissingParameter("icmpTypeCode");
            (type, code) = (ty, co);
        }
        entry = new NetworkAclEntry(spec.RuleNumber, protocol, spec.RuleAction, spec.Egress, spec.CidrBlock ?? spec.Ipv6CidrBlock!,
            from, to, type, code);
        return null;
    }
}
