namespace LocalVpc.Storage;

/// <summary>A command's result once it is durable: its value and the region's state right after it, or its error.</summary>
public readonly record struct Outcome<T>(Ec2Error? Error, T? Value, RegionState? State)
{
    public bool Failed => Error is not null;
}
