namespace LocalVpc.Core.Commands;

/// <summary>Events for one account of the region: what a command that answers across accounts (accepting an endpoint) writes there.</summary>
public sealed record AccountEvents(string Account, ImmutableArray<Event> Events);
