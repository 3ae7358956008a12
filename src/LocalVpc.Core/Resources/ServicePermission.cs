namespace LocalVpc.Core.Resources;

/// <summary>A principal allowed to use an endpoint service (<c>vpce-svc-perm-…</c>): an IAM ARN or <c>*</c>.</summary>
public sealed record ServicePermission(string Id, string Principal)
{
    /// <summary>All, Account, Role or User, as DescribeVpcEndpointServicePermissions names it.</summary>
    public string PrincipalType => Principal == "*" ? "All"
        : Principal.EndsWith(":root", StringComparison.Ordinal) ? "Account"
        : Principal.Contains(":role/", StringComparison.Ordinal) ? "Role"
        : Principal.Contains(":user/", StringComparison.Ordinal) ? "User"
        : "Account";

    /// <summary>Whether this permission lets <paramref name="account"/> see and use the service.</summary>
    public bool Allows(string account) => Principal == "*" || Principal.StartsWith($"arn:aws:iam::{account}:", StringComparison.Ordinal);
}
