namespace LocalVpc.Ec2Api.Filters;

/// <summary>Finds one item by id, or gives the error AWS gives for that id (malformed, not found).</summary>
public delegate AwsError? ItemLookup<T>(string id, out T item);

/// <summary>What every Describe call does the same way: named ids (each must exist), then filters, then paging.</summary>
public static class Query
{
    /// <param name="all">Every item, sorted by id; used when the call names no ids.</param>
    /// <param name="lookup">Finds a named id directly, so point lookups cost no scan.</param>
    /// <param name="filtersMember">The input member with the filters: <c>Filters</c>, except where the model says otherwise.</param>
    public static AwsError? Run<T>(ApiCall call, AccountState state, IEnumerable<T> all, Func<T, string> idOf,
        string idsMember, ItemLookup<T> lookup, FilterTable<T> filters, out List<T> page, out string? next,
        string filtersMember = "Filters")
    {
        page = [];
        next = null;
        var items = all;
        var ids = call.Input.Strings(idsMember);
        if (!ids.IsEmpty)
        {
            var found = new List<T>(ids.Length);
            foreach (var id in ids.Distinct().Order(StringComparer.Ordinal))
            {
                if (lookup(id, out var item) is { } error) return error;
                found.Add(item);
            }
            items = found;
        }
        else if (filters.Narrow(call.Input.Structs(filtersMember), state, idOf, lookup) is { } narrowed)
            items = narrowed;
        // Read lazily: the first page stops reading once it is full.
        if (filters.Where(items, call.Input.Structs(filtersMember), state, out var matching) is { } filterError) return filterError;
        return Paging.Page(matching, idOf, call.Input.Int("MaxResults"), call.Input.String("NextToken"), out page, out next);
    }
}
