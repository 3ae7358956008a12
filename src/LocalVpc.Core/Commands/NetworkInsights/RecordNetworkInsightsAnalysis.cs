namespace LocalVpc.Core.Commands.NetworkInsights;

/// <summary>
/// StartNetworkInsightsAnalysis, once the analysis ran: records its answer. The analyser is outside the core (it
/// reads other accounts' states too), so the findings come in ready; this checks the path still exists.
/// </summary>
public sealed record RecordNetworkInsightsAnalysis(string PathId, bool? NetworkPathFound, string? StatusMessage,
    ImmutableArray<AnalysisFinding> Findings, ImmutableArray<TagSpecification> TagSpecifications, string? ClientToken = null) : ICommand<string>
{
    public Decision<string> Decide(RegionState state, CommandContext context)
    {
        if (!state.NetworkInsightsPaths.ContainsKey(PathId)) return Ec2Errors.NetworkInsightsPathNotFound(PathId);
        // A retry with the same token gets the analysis it started, not a second one.
        if (ClientToken is not null && state.NetworkInsightsAnalyses.Values.FirstOrDefault(a => a.ClientToken == ClientToken) is { } earlier)
            return earlier.PathId == PathId ? Decision.Of(earlier.Id) : Ec2Errors.IdempotentParameterMismatch(ClientToken);
        var analysis = new NetworkInsightsAnalysis(context.Ids.Next(IdPrefix.NetworkInsightsAnalysis), PathId, context.Time.GetUtcNow(),
            NetworkPathFound is null ? "failed" : "succeeded", StatusMessage, NetworkPathFound, Findings, ClientToken);
        if (TagRules.ForNewResource(TagSpecifications, "network-insights-analysis", analysis.Id, out var tags) is { } tagError) return tagError;
        List<Event> events = [new ResourcePut(analysis)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(analysis.Id, events);
    }
}
