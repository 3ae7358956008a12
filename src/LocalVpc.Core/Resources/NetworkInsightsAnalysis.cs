namespace LocalVpc.Core.Resources;

/// <summary>
/// A network insights analysis (<c>nia-…</c>): the answer for a path at the moment it ran, hop by hop. An analysis
/// keeps its answer when the network changes afterwards, as on AWS.
/// </summary>
public sealed record NetworkInsightsAnalysis(string Id, string PathId, DateTimeOffset StartDate, string Status, string? StatusMessage,
    bool? NetworkPathFound, ImmutableArray<Hop> Findings, string? ClientToken = null) : Resource(Id);
