namespace LocalVpc.Storage;

/// <summary>
/// One account's share of a command's events, as the log stores it; with <see cref="Snapshot"/> (the account's state
/// after these events) when it is time to snapshot that account.
/// </summary>
public sealed record AccountChange(Scope Scope, ImmutableArray<Event> Events, AccountState? Snapshot);
