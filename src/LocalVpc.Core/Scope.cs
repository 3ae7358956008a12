namespace LocalVpc.Core;

/// <summary>An account in a region: the unit of isolation, of state and of write ordering.</summary>
public readonly record struct Scope(string Account, string Region)
{
    /// <summary>The account LocalVpc uses when a request names none. Defaults to AWS's documentation account.</summary>
    public const string DefaultAccount = "000000000000";

    /// <summary>Defaults to us-east-1, as the AWS CLI does without a configured region.</summary>
    public const string DefaultRegion = "us-east-1";

    public override string ToString() => $"{Account}/{Region}";
}
