namespace LocalVpc.Analysis;

/// <summary>One step of the path: what was looked at, whether the traffic got through, and why.</summary>
/// <param name="Component">dns, source, route, security-group-egress, network-acl-egress, network-acl-ingress, security-group-ingress, vpc-endpoint, … </param>
/// <param name="ExplanationCode">AWS's Reachability Analyzer code where one exists, else LocalVpc's own (LOCALVPC_…), when the step stops the traffic.</param>
public sealed record Hop(string Component, string? ResourceId, bool Passed, string Detail, string? ExplanationCode = null);
