namespace LocalVpc.Core.Naming;

/// <summary>
/// Names of load balancers and target groups: 1 to 32 letters, digits and hyphens, not starting or ending
/// with a hyphen (and a load balancer's not starting with "internal-").
/// </summary>
public static class ElbNames
{
    public static AwsError? Check(string name, string what)
    {
        var ok = name.Length is >= 1 and <= 32 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') &&
            name[0] != '-' && name[^1] != '-';
        return ok ? null : ElbErrors.Validation($"The {what} name '{name}' is not valid: use 1 to 32 letters, digits and hyphens, not at either end.");
    }
}
