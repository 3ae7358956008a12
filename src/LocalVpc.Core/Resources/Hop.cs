using System.Text.Json.Serialization;

namespace LocalVpc.Core.Resources;

/// <summary>
/// One step of a path: what was looked at, whether the traffic got through, and why not. The analyser returns them in
/// its verdicts, and a Network Insights analysis stores them as its findings.
/// </summary>
/// <param name="Component">What kind of component; stored as <c>Kind</c>, its name in logs of earlier releases.</param>
/// <param name="ExplanationCode">AWS's Reachability Analyzer code where one exists, else LocalVpc's own (LOCALVPC_…), when the step stops the traffic.</param>
public sealed record Hop([property: JsonPropertyName("Kind")] HopComponent Component, string? ResourceId, bool Passed, string Detail,
    string? ExplanationCode = null);
