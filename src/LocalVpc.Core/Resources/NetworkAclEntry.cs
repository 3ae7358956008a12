namespace LocalVpc.Core.Resources;

/// <summary>A network ACL rule. Rule 32767 is the final deny that AWS shows as <c>*</c> in the console.</summary>
/// <param name="Protocol">An IANA protocol number as a string, or -1 for all.</param>
public sealed record NetworkAclEntry(int RuleNumber, string Protocol, string RuleAction, bool Egress, string CidrBlock,
    int? FromPort = null, int? ToPort = null, int? IcmpType = null, int? IcmpCode = null)
{
    /// <summary>The number of the implicit final rule.</summary>
    public const int FinalRule = 32767;
}
