namespace LocalVpc.Core.Ids;

/// <summary>Ids counted up from a seed: reproducible, for tests and for anyone who wants stable ids.</summary>
public sealed class SequentialIdSource(ulong seed = 0) : IIdSource
{
    private ulong _next = seed;

    public string Next(string prefix) => $"{prefix}-{Interlocked.Increment(ref _next):x17}";

    public string NextToken(int length) => $"{Interlocked.Increment(ref _next):x17}"[^length..];
}
