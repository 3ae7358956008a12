namespace LocalVpc.Core.Requests;

/// <summary>The tags a Create call asks to put on what it creates, for one resource type.</summary>
public sealed record TagSpecification(string? ResourceType, ImmutableArray<KeyValuePair<string, string>> Tags);
