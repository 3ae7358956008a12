namespace LocalVpc.Core.Commands.SecurityGroups;

/// <summary>What a revoke removed, and the rules it was asked to remove that the group does not have.</summary>
public sealed record RevokeResult(SecurityGroup Group, ImmutableArray<SecurityGroupRule> Revoked, ImmutableArray<RuleSpec> Unknown);
