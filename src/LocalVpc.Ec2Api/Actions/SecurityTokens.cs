namespace LocalVpc.Ec2Api.Actions;

/// <summary>
/// STS, as far as clients need it to learn who they are: Terraform's AWS provider calls GetCallerIdentity when it starts
/// (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html).
/// </summary>
public static class SecurityTokens
{
    /// <summary>
    /// The caller is the root of the account its access key names (the 12-digit key, or the default account): AWS
    /// answers a root caller with the account id as its user id and <c>arn:aws:iam::ACCOUNT:root</c>. It reads no state,
    /// so asking never sets an account up.
    /// </summary>
    public static Task<ApiReply> GetCallerIdentity(ApiCall call) => Task.FromResult(ApiReply.Ok(w =>
    {
        w.Element("UserId", call.Scope.Account);
        w.Element("Account", call.Scope.Account);
        w.Element("Arn", $"arn:aws:iam::{call.Scope.Account}:root");
    }));
}
