namespace LocalVpc.Core.Commands.NetworkInsights;

/// <summary>DeleteNetworkInsightsPath: refused while analyses of the path exist, as on AWS.</summary>
public sealed record DeleteNetworkInsightsPath(string? PathId) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (PathId is null) return Ec2Errors.MissingParameter("NetworkInsightsPathId");
        if (!state.NetworkInsightsPaths.ContainsKey(PathId)) return Ec2Errors.NetworkInsightsPathNotFound(PathId);
        var analyses = state.NetworkInsightsAnalyses.Values.Where(a => a.PathId == PathId).Select(a => a.Id).ToList();
        if (analyses.Count > 0)
            return new AwsError("AnalysisExistsForNetworkInsightsPath",
                $"At least one analysis [{string.Join(", ", analyses)}] exists for path {PathId}. Delete all the analyses before deleting this network path.");
        return Decision.Of(PathId, new ResourceRemoved(PathId));
    }
}
