namespace LocalVpc.Core.Naming;

/// <summary>
/// A provider's private DNS name: one lower-case domain name, a wildcard allowed as its first label
/// (https://docs.aws.amazon.com/vpc/latest/privatelink/manage-dns-names.html).
/// </summary>
public static class PrivateDnsNames
{
    public static AwsError? Check(string name)
    {
        var labels = name.Split('.');
        var ok = name.Length is > 0 and <= 255 && labels.Length >= 2 && labels.Select((label, i) =>
            (i == 0 && label == "*") ||
            (label.Length is > 0 and <= 63 && label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') &&
             label[0] != '-' && label[^1] != '-')).All(x => x);
        return ok ? null : Ec2Errors.InvalidParameter($"The private DNS name '{name}' is not a valid lower-case domain name.");
    }
}
