namespace LocalVpc.Core.Commands.PrefixLists;

/// <summary>CreateManagedPrefixList (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateManagedPrefixList.html): version 1.</summary>
public sealed record CreateManagedPrefixList(string? Name, string? AddressFamily, int? MaxEntries, ImmutableArray<PrefixListEntry> Entries,
    ImmutableArray<TagSpecification> TagSpecifications) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (Name is null) return Ec2Errors.MissingParameter("PrefixListName");
        if (AddressFamily is null) return Ec2Errors.MissingParameter("AddressFamily");
        if (MaxEntries is null) return Ec2Errors.MissingParameter("MaxEntries");
        if (Name.Length is 0 or > 255 || Name.StartsWith("com.amazonaws", StringComparison.OrdinalIgnoreCase))
            return Ec2Errors.InvalidParameterValue("PrefixListName", Name);
        if (AddressFamily is not (ManagedPrefixList.Ipv4 or ManagedPrefixList.Ipv6)) return Ec2Errors.InvalidParameterValue("AddressFamily", AddressFamily);
        if (PrefixListEntries.CheckMaxEntries(MaxEntries) is { } maxError) return maxError;
        if (PrefixListEntries.Check(AddressFamily, MaxEntries.Value, Entries) is { } entryError) return entryError;

        var list = new ManagedPrefixList(context.Ids.Next(IdPrefix.PrefixList), state.Scope.Account, Name, AddressFamily, MaxEntries.Value, 1, Entries,
            "create-complete");
        if (TagRules.ForNewResource(TagSpecifications, "prefix-list", list.Id, out var tags) is { } tagError) return tagError;
        List<Event> events = [new ResourcePut(list)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(list.Id, events);
    }
}
