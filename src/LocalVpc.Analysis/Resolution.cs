namespace LocalVpc.Analysis;

/// <summary>What a destination name resolved to in the source VPC's view, and how.</summary>
public sealed record Resolution(uint Address, string How);
