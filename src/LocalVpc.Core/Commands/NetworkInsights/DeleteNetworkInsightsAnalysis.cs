namespace LocalVpc.Core.Commands.NetworkInsights;

/// <summary>DeleteNetworkInsightsAnalysis.</summary>
public sealed record DeleteNetworkInsightsAnalysis(string? AnalysisId) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (AnalysisId is null) return Ec2Errors.MissingParameter("NetworkInsightsAnalysisId");
        if (!state.NetworkInsightsAnalyses.ContainsKey(AnalysisId)) return Ec2Errors.NetworkInsightsAnalysisNotFound(AnalysisId);
        return Decision.Of(AnalysisId, new ResourceRemoved(AnalysisId));
    }
}
