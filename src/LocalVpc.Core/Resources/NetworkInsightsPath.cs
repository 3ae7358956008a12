namespace LocalVpc.Core.Resources;

/// <summary>
/// A network insights path (<c>nip-…</c>): the question "can <see cref="Source"/> reach the destination on this
/// protocol and port?", kept so it can be analysed again as the network changes.
/// </summary>
public sealed record NetworkInsightsPath(string Id, string Source, string? Destination, string? SourceIp, string? DestinationIp,
    string Protocol, int? DestinationPort, DateTimeOffset CreatedDate, string? ClientToken = null) : Resource(Id);
