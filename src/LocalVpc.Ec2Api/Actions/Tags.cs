using LocalVpc.Core.Commands.Tags;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>CreateTags, DeleteTags, DescribeTags.</summary>
public static class Tags
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeTags.html.</summary>
    public static readonly FilterTable<TagDescription> Filters = new(new()
    {
        ["key"] = (t, _) => [t.Key],
        ["resource-id"] = (t, _) => [t.ResourceId],
        ["resource-type"] = (t, _) => [t.ResourceType],
        ["value"] = (t, _) => [t.Value],
    }, tagsId: null);

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new CreateTags(call.Input.Strings("Resources"), Binding.Tags(call.Input)));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var tags = call.Input.Structs("Tags").Select(t => new TagToDelete(t.String("Key") ?? "", t.String("Value")));
        var outcome = await call.ExecuteAsync(new DeleteTags(call.Input.Strings("Resources"), [.. tags]));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        if (Paging.CheckMaxResults(call.Input.Int("MaxResults"), 5, 1000) is { } invalid) return invalid;
        var state = await call.ReadAsync();
        var all = state.Tags.SelectMany(r => r.Value.Select(t =>
            new TagDescription(r.Key, Taggable.TypeOf(r.Key) ?? "", t.Key, t.Value)));
        // tag:<key> filters also work here, over the resource's own tags.
        var filters = call.Input.Structs("Filters");
        var tagFilters = filters.Where(f => f.String("Name")?.StartsWith("tag:", StringComparison.Ordinal) == true).ToList();
        foreach (var filter in tagFilters)
        {
            var key = filter.String("Name")![4..];
            var values = filter.Strings("Values");
            all = all.Where(t => state.TagsOf(t.ResourceId).TryGetValue(key, out var v) && values.Any(p => Wildcard.IsMatch(p, v)));
        }
        if (Filters.Apply(all, filters.Except(tagFilters).ToList(), state, out var matching) is { } error) return error;
        if (Paging.Page(matching, t => $"{t.ResourceId}\n{t.Key}", call.Input.Int("MaxResults"), call.Input.String("NextToken"),
                out var page, out var next) is { } pageError) return pageError;
        return ApiReply.Ok(w =>
        {
            w.List("tagSet", page, TagXml.TagDescription);
            w.Element("nextToken", next);
        });
    }
}
