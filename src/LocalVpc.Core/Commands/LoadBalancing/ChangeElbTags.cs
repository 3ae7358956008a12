namespace LocalVpc.Core.Commands.LoadBalancing;

/// <summary>AddTags (keys and values) and RemoveTags (keys only) on load balancers, target groups and listeners.</summary>
public sealed record ChangeElbTags(ImmutableArray<string> ResourceArns, ImmutableArray<KeyValuePair<string, string>> Add,
    ImmutableArray<string> RemoveKeys) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        var events = new List<Event>();
        foreach (var arn in ResourceArns.Distinct())
        {
            if (state.Find(arn) is null) return ElbErrors.NotFound(arn);
            if (TagRules.Merge(state.TagsOf(arn).RemoveRange(RemoveKeys), Add, out var tags) is { } tagError) return tagError;
            events.Add(new TagsChanged(arn, tags));
        }
        return Decision.Of(true, events);
    }
}
