namespace LocalVpc.Analysis;

/// <summary>The answer: reachable or not, the hops in order, and for a blocked path the code and the smallest fix.</summary>
public sealed record Verdict(bool Reachable, string? DestinationAddress, ImmutableArray<Hop> Hops, string? ExplanationCode, string? Fix)
{
    public static Verdict Blocked(string? address, IEnumerable<Hop> hops, string fix)
    {
        var list = hops.ToImmutableArray();
        return new Verdict(false, address, list, list.LastOrDefault(h => !h.Passed)?.ExplanationCode, fix);
    }
}
