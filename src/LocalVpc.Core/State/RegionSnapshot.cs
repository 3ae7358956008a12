namespace LocalVpc.Core.State;

/// <summary>
/// Every account's state in one region, immutable and published whole: what a reader (the API, a resolver, a proxy,
/// the probe) takes once and answers from, and what a command decides against when it looks across accounts.
/// </summary>
/// <param name="Version">Grows with every published change, so a reader can tell a newer snapshot from an older one.</param>
public sealed record RegionSnapshot(string Region, ImmutableSortedDictionary<string, AccountState> Accounts, long Version)
{
    /// <summary>A region nobody has used yet.</summary>
    public static RegionSnapshot Empty(string region) =>
        new(region, ImmutableSortedDictionary.Create<string, AccountState>(StringComparer.Ordinal), 0);

    /// <summary>The account's state here; a new account's empty state when it has none yet.</summary>
    public AccountState Account(string account) =>
        Accounts.GetValueOrDefault(account) ?? AccountState.Empty(new Scope(account, Region));

    /// <summary>The same region with <paramref name="events"/> applied to each account they name.</summary>
    public RegionSnapshot Apply(IEnumerable<AccountEvents> events)
    {
        var accounts = Accounts;
        foreach (var change in events.Where(c => !c.Events.IsEmpty))
            accounts = accounts.SetItem(change.Account, (accounts.GetValueOrDefault(change.Account) ?? AccountState.Empty(new Scope(change.Account, Region)))
                .Apply(change.Events));
        return this with { Accounts = accounts, Version = Version + 1 };
    }

    /// <summary>The same region with one account's state replaced (what loading the log builds up).</summary>
    public RegionSnapshot With(AccountState state) => this with { Accounts = Accounts.SetItem(state.Scope.Account, state) };
}
