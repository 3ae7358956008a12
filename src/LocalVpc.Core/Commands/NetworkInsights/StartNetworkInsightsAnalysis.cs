namespace LocalVpc.Core.Commands.NetworkInsights;

/// <summary>How a path's question is answered: the analyser, which lives outside Core and is handed in.</summary>
public delegate PathAnswer PathAnalyser(RegionSnapshot region, AccountState account, NetworkInsightsPath path);

/// <summary>What the analyser found for a path: null <paramref name="NetworkPathFound"/> when it could not answer (<paramref name="StatusMessage"/> says why).</summary>
public sealed record PathAnswer(bool? NetworkPathFound, string? StatusMessage, ImmutableArray<Hop> Findings);

/// <summary>
/// StartNetworkInsightsAnalysis: runs the analyser on the path, against the same snapshot the command decides on, and
/// records its answer. The analysis reads every account of the region (a provider's side of an endpoint service).
/// </summary>
public sealed record StartNetworkInsightsAnalysis(string PathId, PathAnalyser Analyse, ImmutableArray<TagSpecification> TagSpecifications,
    string? ClientToken = null) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (!state.NetworkInsightsPaths.TryGetValue(PathId, out var path)) return Ec2Errors.NetworkInsightsPathNotFound(PathId);
        // A retry with the same token gets the analysis it started, not a second one.
        if (ClientToken is not null && state.NetworkInsightsAnalyses.Values.FirstOrDefault(a => a.ClientToken == ClientToken) is { } earlier)
            return earlier.PathId == PathId ? Decision.Of(earlier.Id) : Ec2Errors.IdempotentParameterMismatch(ClientToken);
        var answer = Analyse(context.Region, state, path);
        var analysis = new NetworkInsightsAnalysis(context.Ids.Next(IdPrefix.NetworkInsightsAnalysis), PathId, context.Time.GetUtcNow(),
            answer.NetworkPathFound is null ? "failed" : "succeeded", answer.StatusMessage, answer.NetworkPathFound, answer.Findings, ClientToken);
        if (TagRules.ForNewResource(TagSpecifications, "network-insights-analysis", analysis.Id, out var tags) is { } tagError) return tagError;
        List<Event> events = [new ResourcePut(analysis)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(analysis.Id, events);
    }
}
