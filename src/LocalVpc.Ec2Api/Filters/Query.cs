namespace LocalVpc.Ec2Api.Filters;

/// <summary>What every Describe call does the same way: named ids (each must exist), then filters, then paging.</summary>
public static class Query
{
    public static Ec2Error? Run<T>(Ec2Call call, RegionState state, IEnumerable<T> all, Func<T, string> idOf,
        string idsMember, Func<string, Ec2Error?> checkId, FilterTable<T> filters, out List<T> page, out string? next)
    {
        page = [];
        next = null;
        var items = all;
        var ids = call.Input.Strings(idsMember);
        if (!ids.IsEmpty)
        {
            foreach (var id in ids)
                if (checkId(id) is { } error) return error;
            var wanted = ids.ToHashSet(StringComparer.Ordinal);
            items = items.Where(i => wanted.Contains(idOf(i)));
        }
        if (filters.Apply(items, call.Input.Structs("Filters"), state, out var matching) is { } filterError) return filterError;
        return Paging.Page(matching, idOf, call.Input.Int("MaxResults"), call.Input.String("NextToken"), out page, out next);
    }
}
