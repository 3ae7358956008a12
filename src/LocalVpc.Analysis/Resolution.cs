namespace LocalVpc.Analysis;

/// <summary>
/// What a destination name resolved to in the source VPC's view, and how. When the name is an endpoint's, the
/// interface that answers is known already and need not be searched for by address.
/// </summary>
public sealed record Resolution(IPAddress Address, string How, string? NetworkInterfaceId = null);
