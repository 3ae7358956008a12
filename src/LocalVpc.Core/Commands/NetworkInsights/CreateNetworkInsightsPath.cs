namespace LocalVpc.Core.Commands.NetworkInsights;

/// <summary>
/// CreateNetworkInsightsPath: the source is an instance or a network interface of this account; the destination an
/// instance, a network interface, a VPC endpoint or an internet gateway (AWS requires one), optionally narrowed to an
/// address. Either may be named by id or by ARN; the path keeps the id.
/// </summary>
public sealed record CreateNetworkInsightsPath(string? Source, string? Destination, string? SourceIp, string? DestinationIp, string? Protocol,
    int? DestinationPort, ImmutableArray<TagSpecification> TagSpecifications, string? ClientToken = null) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        var (source, destination) = (IdOf(Source), IdOf(Destination));
        // A retry with the same token and question gets the path it created.
        if (ClientToken is not null && state.NetworkInsightsPaths.Values.FirstOrDefault(p => p.ClientToken == ClientToken) is { } earlier)
            return (earlier.Source, earlier.Destination, earlier.SourceIp, earlier.DestinationIp, earlier.Protocol, earlier.DestinationPort) ==
                   (source, destination, SourceIp, DestinationIp, Protocol, DestinationPort)
                ? Decision.Of(earlier.Id)
                : Ec2Errors.IdempotentParameterMismatch(ClientToken);
        if (source is null) return Ec2Errors.MissingParameter("Source");
        if (Protocol is null) return Ec2Errors.MissingParameter("Protocol");
        if (Protocol is not ("tcp" or "udp")) return Ec2Errors.InvalidParameterValue($"Value ({Protocol}) for parameter protocol is invalid. Use tcp or udp.");
        if (DestinationPort is < 0 or > 65535) return Ec2Errors.InvalidParameterValue($"Value ({DestinationPort}) for parameter destinationPort is invalid.");
        if (!IsAnalysable(state, source, asDestination: false))
            return Ec2Errors.InvalidParameterValue($"The source '{Source}' is not an instance or a network interface of this account.");
        // FilterAtSource is not served, so its DestinationAddress cannot stand in for a destination.
        if (destination is null)
            return new AwsError("MissingParameter", "The request must include either the Destination parameter or the " +
                                                    "FilterAtSource.DestinationAddress parameter. Add the required parameter and retry the request.");
        if (!IsAnalysable(state, destination, asDestination: true))
            return Ec2Errors.InvalidParameterValue($"The destination '{Destination}' is not an instance, network interface, VPC endpoint or internet gateway of this account.");
        foreach (var (name, ip) in new[] { ("sourceIp", SourceIp), ("destinationIp", DestinationIp) })
            if (ip is not null && IpBlock.ParseAddress(ip) is null)
                return Ec2Errors.InvalidParameterValue($"Value ({ip}) for parameter {name} is invalid.");

        var path = new NetworkInsightsPath(context.Ids.Next(IdPrefix.NetworkInsightsPath), source, destination, SourceIp, DestinationIp, Protocol,
            DestinationPort, context.Time.GetUtcNow(), ClientToken);
        if (TagRules.ForNewResource(TagSpecifications, "network-insights-path", path.Id, out var tags) is { } tagError) return tagError;
        List<Event> events = [new ResourcePut(path)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(path.Id, events);
    }

    /// <summary>An id as given, or the id at the end of an ARN (<c>arn:aws:ec2:…:instance/i-…</c>).</summary>
    private static string? IdOf(string? value) =>
        value is not null && value.StartsWith("arn:", StringComparison.Ordinal) ? value[(value.LastIndexOf('/') + 1)..] : value;

    private static bool IsAnalysable(AccountState state, string id, bool asDestination) => state.Find(id) switch
    {
        Instance or NetworkInterface => true,
        VpcEndpoint or InternetGateway => asDestination,
        _ => false,
    };
}
