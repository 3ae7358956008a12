namespace LocalVpc.Analysis;

/// <summary>The answer: reachable or not, the hops in order, and for a blocked path the code and the smallest fix.</summary>
/// <param name="Terminus">For a reachable flow, where it ends.</param>
public sealed record Verdict(bool Reachable, string? DestinationAddress, ImmutableArray<Hop> Hops, string? ExplanationCode, string? Fix,
    Terminus? Terminus = null)
{
    /// <summary>The VPC carries the flow to <paramref name="terminus"/>; a <see cref="WithheldTerminus"/> keeps its code, since LocalVpc stops it there.</summary>
    public static Verdict Reached(string address, IEnumerable<Hop> hops, Terminus terminus) =>
        new(true, address, [.. hops], (terminus as WithheldTerminus)?.ExplanationCode, null, terminus);

    public static Verdict Blocked(string? address, IEnumerable<Hop> hops, string fix)
    {
        var list = hops.ToImmutableArray();
        return new Verdict(false, address, list, list.LastOrDefault(h => !h.Passed)?.ExplanationCode, fix);
    }
}
