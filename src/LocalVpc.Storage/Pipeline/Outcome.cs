namespace LocalVpc.Storage;

/// <summary>
/// A command's result once it is durable: its value and the caller's account right after it (with the whole region
/// in <see cref="Region"/>), or its error.
/// </summary>
public readonly record struct Outcome<T>(AwsError? Error, T? Value, AccountState? State, RegionSnapshot? Region = null)
{
    public bool Failed => Error is not null;
}
