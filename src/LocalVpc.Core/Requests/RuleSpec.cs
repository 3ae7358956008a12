namespace LocalVpc.Core.Requests;

/// <summary>One rule as a request states it, before it is checked and normalised (one peer per spec).</summary>
public sealed record RuleSpec(string? IpProtocol, int? FromPort, int? ToPort, RulePeer Peer, string? Description);
