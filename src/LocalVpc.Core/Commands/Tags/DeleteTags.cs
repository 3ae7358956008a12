namespace LocalVpc.Core.Commands.Tags;

/// <summary>DeleteTags: removes the given tags (a value given must match; an empty list removes all but aws: tags).</summary>
public sealed record DeleteTags(ImmutableArray<string> ResourceIds, ImmutableArray<TagToDelete> Tags) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceIds.IsEmpty) return Ec2Errors.MissingParameter("ResourceId");
        var events = new List<Event>();
        foreach (var id in ResourceIds.Distinct())
        {
            if (Taggable.Check(state, id, out _) is { } error) return error;
            var current = state.TagsOf(id);
            var remaining = Tags.IsEmpty
                ? current.Clear()
                : current.RemoveRange(Tags.Where(t => current.TryGetValue(t.Key, out var v) && (t.Value is null || t.Value == v))
                    .Select(t => t.Key));
            if (remaining.Count != current.Count) events.Add(new TagsChanged(id, remaining));
        }
        return Decision.Of(true, events);
    }
}
