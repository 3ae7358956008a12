namespace LocalVpc.Core.Commands.PrefixLists;

/// <summary>
/// ModifyManagedPrefixList: a new name, entries added and removed (against the version the caller read, when given),
/// or a new maximum, which cannot come with entry changes nor fall below the entries held.
/// </summary>
public sealed record ModifyManagedPrefixList(string? PrefixListId, long? CurrentVersion, string? Name, ImmutableArray<PrefixListEntry> AddEntries,
    ImmutableArray<string> RemoveCidrs, int? MaxEntries) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (PrefixListId is null) return Ec2Errors.MissingParameter("PrefixListId");
        if (ResourceKinds.ManagedPrefixList.Find(state, PrefixListId, out var list) is { } error) return error;
        var changesEntries = !AddEntries.IsEmpty || !RemoveCidrs.IsEmpty;
        if (CurrentVersion is { } version && version != list.Version)
            return new AwsError("PrefixListVersionMismatch", $"The prefix list {list.Id} is at version {list.Version}, not {version}.");
        if (changesEntries && MaxEntries is not null)
            return Ec2Errors.InvalidParameterCombination("You cannot modify the entries of a prefix list and resize it in the same request.");
        if (PrefixListEntries.CheckMaxEntries(MaxEntries) is { } maxError) return maxError;
        if (Name is { Length: 0 or > 255 }) return Ec2Errors.InvalidParameterValue("PrefixListName", Name);

        var missing = RemoveCidrs.FirstOrDefault(c => list.Entries.All(e => e.Cidr != c));
        if (missing is not null) return Ec2Errors.InvalidParameterValue($"The CIDR {missing} is not an entry of {list.Id}.");
        var kept = list.Entries.Where(e => !RemoveCidrs.Contains(e.Cidr));
        // An added block that is there already replaces its entry (a new description).
        ImmutableArray<PrefixListEntry> entries = [.. kept.Where(e => AddEntries.All(a => a.Cidr != e.Cidr)), .. AddEntries];
        var max = MaxEntries ?? list.MaxEntries;
        if (MaxEntries is { } resized && resized < list.Entries.Length)
            return Ec2Errors.InvalidParameterValue($"The maximum of {resized} entries is below the {list.Entries.Length} entries {list.Id} holds.");
        if (changesEntries && PrefixListEntries.Check(list.AddressFamily, max, entries) is { } entryError) return entryError;

        var changed = list with
        {
            Name = Name ?? list.Name,
            Entries = changesEntries ? entries : list.Entries,
            Version = changesEntries ? list.Version + 1 : list.Version,
            MaxEntries = max,
            State = "modify-complete",
        };
        return Decision.Of(list.Id, new ResourcePut(changed));
    }
}
