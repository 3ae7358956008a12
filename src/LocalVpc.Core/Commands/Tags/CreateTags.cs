namespace LocalVpc.Core.Commands.Tags;

/// <summary>CreateTags: adds or overwrites tags on every listed resource; one unknown resource fails the call.</summary>
public sealed record CreateTags(ImmutableArray<string> ResourceIds, ImmutableArray<KeyValuePair<string, string>> Tags)
    : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceIds.IsEmpty) return Ec2Errors.MissingParameter("ResourceId");
        if (Tags.IsEmpty) return Ec2Errors.MissingParameter("Tag");
        var events = new List<Event>();
        foreach (var id in ResourceIds.Distinct())
        {
            if (Taggable.Check(state, id, out _) is { } error) return error;
            if (TagRules.Merge(state.TagsOf(id), Tags, out var merged) is { } tagError) return tagError;
            events.Add(new TagsChanged(id, merged));
        }
        return Decision.Of(true, events);
    }
}
