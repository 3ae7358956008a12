using System.Globalization;
using LocalVpc.Analysis;
using LocalVpc.Core.Commands.NetworkInsights;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>
/// Reachability Analyzer's API: paths are questions, analyses their answers. An analysis runs the same analyser as
/// <c>localvpc probe</c> on the live state and is <c>succeeded</c> when it returns.
/// </summary>
public static class NetworkInsights
{
    public static readonly FilterTable<NetworkInsightsPath> PathFilters = new(new()
    {
        ["destination"] = (p, _) => [p.Destination],
        ["destination-ip"] = (p, _) => [p.DestinationIp],
        ["destination-port"] = (p, _) => [p.DestinationPort?.ToString(CultureInfo.InvariantCulture)],
        ["protocol"] = (p, _) => [p.Protocol],
        ["source"] = (p, _) => [p.Source],
        ["source-ip"] = (p, _) => [p.SourceIp],
    }, p => p.Id);

    public static readonly FilterTable<NetworkInsightsAnalysis> AnalysisFilters = new(new()
    {
        ["path-found"] = (a, _) => [a.NetworkPathFound is { } found ? (found ? "true" : "false") : null],
        ["status"] = (a, _) => [a.Status],
    }, a => a.Id);

    public static async Task<ApiReply> CreatePath(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("FilterAtSource") || input.Has("FilterAtDestination"))
            return Ec2Errors.InvalidParameter("Path filters (FilterAtSource, FilterAtDestination) are not served.");
        var outcome = await call.ExecuteAsync(new CreateNetworkInsightsPath(input.String("Source"), input.String("Destination"), input.String("SourceIp"),
            input.String("DestinationIp"), input.String("Protocol"), input.Int("DestinationPort"), Binding.TagSpecifications(input),
            input.String("ClientToken")));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w => w.Structure("networkInsightsPath", w => Path(w, state.NetworkInsightsPaths[outcome.Value!], state)));
    }

    public static async Task<ApiReply> DescribePaths(ApiCall call)
    {
        var state = await call.ReadAsync();
        IEnumerable<NetworkInsightsPath> all = state.NetworkInsightsPaths.Values;
        var ids = call.Input.Strings("NetworkInsightsPathIds");
        if (!ids.IsEmpty)
        {
            if (ids.FirstOrDefault(id => !state.NetworkInsightsPaths.ContainsKey(id)) is { } missing) return Ec2Errors.NetworkInsightsPathNotFound(missing);
            all = all.Where(p => ids.Contains(p.Id));
        }
        if (PathFilters.Apply(all, call.Input.Structs("Filters"), state, out var matching) is { } error) return error;
        if (Paging.Page(matching, p => p.Id, call.Input.Int("MaxResults"), call.Input.String("NextToken"), out var page, out var next) is { } pageError)
            return pageError;
        return ApiReply.Ok(w =>
        {
            w.List("networkInsightsPathSet", page, (w, p) => Path(w, p, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> DeletePath(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteNetworkInsightsPath(call.Input.String("NetworkInsightsPathId")));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(w => w.Element("networkInsightsPathId", outcome.Value));
    }

    public static async Task<ApiReply> StartAnalysis(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("AdditionalAccounts") || input.Has("FilterInArns") || input.Has("FilterOutArns"))
            return Ec2Errors.InvalidParameter("AdditionalAccounts, FilterInArns and FilterOutArns are not served.");
        var pathId = input.String("NetworkInsightsPathId");
        if (pathId is null) return Ec2Errors.MissingParameter("NetworkInsightsPathId");
        var now = call.Now;
        var outcome = await call.ExecuteAsync(new StartNetworkInsightsAnalysis(pathId, (region, account, path) => PathAnalysis.Answer(region, account, path, now),
            Binding.TagSpecifications(input), input.String("ClientToken")));
        if (outcome.Failed) return outcome.Error!;
        var after = outcome.State!;
        return ApiReply.Ok(w => w.Structure("networkInsightsAnalysis", w => Analysis(w, after.NetworkInsightsAnalyses[outcome.Value!], after)));
    }

    public static async Task<ApiReply> DescribeAnalyses(ApiCall call)
    {
        var state = await call.ReadAsync();
        IEnumerable<NetworkInsightsAnalysis> all = state.NetworkInsightsAnalyses.Values;
        var ids = call.Input.Strings("NetworkInsightsAnalysisIds");
        if (!ids.IsEmpty)
        {
            if (ids.FirstOrDefault(id => !state.NetworkInsightsAnalyses.ContainsKey(id)) is { } missing) return Ec2Errors.NetworkInsightsAnalysisNotFound(missing);
            all = all.Where(a => ids.Contains(a.Id));
        }
        if (call.Input.String("NetworkInsightsPathId") is { } pathId) all = all.Where(a => a.PathId == pathId);
        if (call.Input.Timestamp("AnalysisStartTime") is { } start) all = all.Where(a => a.StartDate >= start);
        if (call.Input.Timestamp("AnalysisEndTime") is { } end) all = all.Where(a => a.StartDate <= end);
        if (AnalysisFilters.Apply(all, call.Input.Structs("Filters"), state, out var matching) is { } error) return error;
        if (Paging.Page(matching, a => a.Id, call.Input.Int("MaxResults"), call.Input.String("NextToken"), out var page, out var next) is { } pageError)
            return pageError;
        return ApiReply.Ok(w =>
        {
            w.List("networkInsightsAnalysisSet", page, (w, a) => Analysis(w, a, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> DeleteAnalysis(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteNetworkInsightsAnalysis(call.Input.String("NetworkInsightsAnalysisId")));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(w => w.Element("networkInsightsAnalysisId", outcome.Value));
    }

    private static void Path(XmlWriter w, NetworkInsightsPath path, AccountState state)
    {
        w.Element("networkInsightsPathId", path.Id);
        w.Element("networkInsightsPathArn", Arn(state, "network-insights-path", path.Id));
        w.Element("createdDate", path.CreatedDate);
        w.Element("source", path.Source);
        w.Element("destination", path.Destination);
        w.Element("sourceArn", ResourceArn(state, path.Source));
        w.Element("destinationArn", path.Destination is null ? null : ResourceArn(state, path.Destination));
        w.Element("sourceIp", path.SourceIp);
        w.Element("destinationIp", path.DestinationIp);
        w.Element("protocol", path.Protocol);
        w.Element("destinationPort", path.DestinationPort);
        TagXml.TagSet(w, state.TagsOf(path.Id));
    }

    private static void Analysis(XmlWriter w, NetworkInsightsAnalysis analysis, AccountState state)
    {
        w.Element("networkInsightsAnalysisId", analysis.Id);
        w.Element("networkInsightsAnalysisArn", Arn(state, "network-insights-analysis", analysis.Id));
        w.Element("networkInsightsPathId", analysis.PathId);
        w.Element("startDate", analysis.StartDate);
        w.Element("status", analysis.Status);
        w.Element("statusMessage", analysis.StatusMessage);
        if (analysis.NetworkPathFound is { } found) w.Element("networkPathFound", found);
        // Path components are the network's parts the flow crossed; name resolution is not one of them.
        var crossed = analysis.Findings.Where(f => f.Passed && f.ResourceId is not null && f.Component != HopComponent.Dns).ToList();
        if (analysis.NetworkPathFound is not null)
        {
            w.List("forwardPathComponentSet", crossed.Select((f, i) => (f, i)), (w, c) => Component(w, c.f, c.i + 1));
            if (analysis.NetworkPathFound == true)
                w.List("returnPathComponentSet", Enumerable.Reverse(crossed).Select((f, i) => (f, i)), (w, c) => Component(w, c.f, c.i + 1));
        }
        w.List("explanationSet", analysis.Findings.Where(f => !f.Passed), (w, f) => Explanation(w, f, state));
        TagXml.TagSet(w, state.TagsOf(analysis.Id));
    }

    private static void Component(XmlWriter w, Hop finding, int sequence)
    {
        w.Element("sequenceNumber", sequence);
        w.Structure("component", w =>
        {
            w.Element("id", finding.ResourceId);
            w.Element("name", finding.Detail);
        });
    }

    private static void Explanation(XmlWriter w, Hop finding, AccountState state)
    {
        var id = finding.ResourceId;
        w.Element("explanationCode", finding.ExplanationCode);
        w.Element("direction", finding.Component.Direction());
        if (id is null) return;
        // A security group hop names all of the interface's groups: they go in securityGroupSet, not as one component.
        if (finding.Component is not (HopComponent.SecurityGroupIngress or HopComponent.SecurityGroupEgress))
            w.Structure("component", w =>
            {
                w.Element("id", id);
                w.Element("name", finding.Detail);
            });
        void Named(string element, string type) => w.Structure(element, w =>
        {
            w.Element("id", id);
            w.Element("arn", Arn(state, type, id));
        });
        switch (finding.Component)
        {
            case HopComponent.SecurityGroupIngress or HopComponent.SecurityGroupEgress:
                w.List("securityGroupSet", id.Split(','), (w, g) =>
                {
                    w.Element("id", g);
                    w.Element("arn", Arn(state, "security-group", g));
                });
                break;
            case HopComponent.NetworkAclIngress or HopComponent.NetworkAclEgress: Named("acl", "network-acl"); break;
            case HopComponent.Route: Named("routeTable", "route-table"); break;
            case HopComponent.VpcEndpoint: Named("vpcEndpoint", "vpc-endpoint"); break;
            case HopComponent.InternetGateway: Named("internetGateway", "internet-gateway"); break;
            case HopComponent.NatGateway: Named("natGateway", "natgateway"); break;
            case HopComponent.LoadBalancerListener: w.Element("loadBalancerArn", id); break;
            case HopComponent.TargetGroup: w.Structure("loadBalancerTargetGroup", w => w.Element("arn", id)); break;
        }
    }

    private static string Arn(AccountState state, string type, string id) => $"arn:aws:ec2:{state.Scope.Region}:{state.Scope.Account}:{type}/{id}";

    /// <summary>The ARN of a path's source or destination; none once that resource is gone.</summary>
    private static string? ResourceArn(AccountState state, string id) => state.Find(id) switch
    {
        Instance => Arn(state, "instance", id),
        NetworkInterface => Arn(state, "network-interface", id),
        VpcEndpoint => Arn(state, "vpc-endpoint", id),
        InternetGateway => Arn(state, "internet-gateway", id),
        _ => null,
    };
}
