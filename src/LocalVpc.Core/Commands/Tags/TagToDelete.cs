namespace LocalVpc.Core.Commands.Tags;

/// <summary>A tag to delete: a key, and a value that must match when given.</summary>
public sealed record TagToDelete(string Key, string? Value);
