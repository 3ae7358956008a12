namespace LocalVpc.Core.Resources;

/// <summary>
/// A network insights analysis (<c>nia-…</c>): the answer for a path at the moment it ran, hop by hop. An analysis
/// keeps its answer when the network changes afterwards, as on AWS.
/// </summary>
public sealed record NetworkInsightsAnalysis(string Id, string PathId, DateTimeOffset StartDate, string Status, string? StatusMessage,
    bool? NetworkPathFound, ImmutableArray<AnalysisFinding> Findings, string? ClientToken = null) : Resource(Id);

/// <summary>One hop of an analysis: what kind of component, which resource, whether it let the flow through, and why not.</summary>
public sealed record AnalysisFinding(string Kind, string? ResourceId, bool Passed, string Detail, string? ExplanationCode);
