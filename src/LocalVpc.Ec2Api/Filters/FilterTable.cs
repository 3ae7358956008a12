using System.Collections.Frozen;

namespace LocalVpc.Ec2Api.Filters;

/// <summary>
/// The filters one Describe call accepts: name → the item's values for that name. Tag filters
/// (<c>tag:Key</c>, <c>tag-key</c>, <c>tag-value</c>) come with every table that has tags. An unknown
/// filter name is AWS's InvalidParameterValue; there is no catch-all.
/// </summary>
public sealed class FilterTable<T>
{
    private readonly FrozenDictionary<string, Func<T, AccountState, IEnumerable<string?>>> _filters;
    private readonly Func<T, string>? _tagsId;
    private readonly FrozenDictionary<string, Func<AccountState, string, IEnumerable<T>>> _indexes;
    private readonly string? _idFilter;

    /// <param name="indexes">
    /// Filters the state can answer from an index (name → the items with that exact value): a call with such a filter
    /// reads those items instead of scanning every one. The filter itself still applies.
    /// </param>
    /// <param name="idFilter">
    /// The filter on the items' own id (<c>vpc-endpoint-id</c>): its exact values are looked up one by one, as named ids
    /// are. Only for a table whose Describe call lists every item its lookup finds.
    /// </param>
    public FilterTable(Dictionary<string, Func<T, AccountState, IEnumerable<string?>>> filters, Func<T, string>? tagsId,
        Dictionary<string, Func<AccountState, string, IEnumerable<T>>>? indexes = null, string? idFilter = null)
    {
        _filters = filters.ToFrozenDictionary(StringComparer.Ordinal);
        _tagsId = tagsId;
        _indexes = (indexes ?? []).ToFrozenDictionary(StringComparer.Ordinal);
        _idFilter = idFilter;
    }

    /// <summary>
    /// The items an indexed filter of exact values allows, sorted by id; null when no filter is indexed, or when its values
    /// are patterns (<c>*</c>, <c>?</c>), which only a scan can match.
    /// </summary>
    public IEnumerable<T>? Narrow(IReadOnlyList<Input> filters, AccountState state, Func<T, string> idOf, ItemLookup<T> lookup)
    {
        foreach (var filter in filters)
        {
            if (filter.String("Name") is not { } name) continue;
            Func<AccountState, string, IEnumerable<T>>? index = name == _idFilter ? (_, id) => Found(lookup, id)
                : _indexes.GetValueOrDefault(name);
            if (index is null) continue;
            var values = filter.Strings("Values");
            if (values.IsEmpty || values.Any(v => v.AsSpan().IndexOfAny('*', '?', '\\') >= 0)) continue;
            return values.Distinct().SelectMany(v => index(state, v)).DistinctBy(idOf).OrderBy(idOf, StringComparer.Ordinal);
        }
        return null;
    }

    /// <summary>A filter value names no item when the lookup refuses it (malformed or not found): it matches nothing.</summary>
    private static IEnumerable<T> Found(ItemLookup<T> lookup, string id) => lookup(id, out var item) is null ? [item] : [];

    /// <summary>The filter names, for documentation and tests.</summary>
    public IEnumerable<string> Names => _filters.Keys;

    /// <summary>Keeps the items that match every filter (filters AND, values OR).</summary>
    public AwsError? Apply(IEnumerable<T> items, IReadOnlyList<Input> filters, AccountState state, out IEnumerable<T> matching)
    {
        var error = Where(items, filters, state, out matching);
        if (error is null) matching = matching.ToList();
        return error;
    }

    /// <summary>The same, evaluated as it is read: a page of the first matches reads no further than they are.</summary>
    public AwsError? Where(IEnumerable<T> items, IReadOnlyList<Input> filters, AccountState state, out IEnumerable<T> matching)
    {
        matching = items;
        foreach (var filter in filters)
        {
            var name = filter.String("Name");
            if (name is null) return Ec2Errors.InvalidFilter("null");
            if (Values(name) is not { } values) return Ec2Errors.InvalidFilter(name);
            var patterns = filter.Strings("Values");
            matching = matching.Where(item => values(item, state).Any(v => v is not null && patterns.Any(p => Wildcard.IsMatch(p, v))));
        }
        return null;
    }

    private Func<T, AccountState, IEnumerable<string?>>? Values(string name)
    {
        if (_filters.TryGetValue(name, out var values)) return values;
        if (_tagsId is not { } id) return null;
        if (name.StartsWith("tag:", StringComparison.Ordinal))
        {
            var key = name[4..];
            return (item, state) => state.TagsOf(id(item)).TryGetValue(key, out var v) ? [v] : [];
        }
        return name switch
        {
            "tag-key" => (item, state) => state.TagsOf(id(item)).Keys,
            "tag-value" => (item, state) => state.TagsOf(id(item)).Values,
            _ => null,
        };
    }
}
