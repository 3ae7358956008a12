namespace LocalVpc.Ec2Api.Actions;

/// <summary>The AWS-managed prefix lists of gateway services (S3, DynamoDB).</summary>
public static class PrefixLists
{
    public static readonly FilterTable<PrefixList> Filters = new(new()
    {
        ["prefix-list-id"] = (p, _) => [p.Id],
        ["prefix-list-name"] = (p, _) => [p.Name],
    }, tagsId: null);

    public static readonly FilterTable<PrefixList> ManagedFilters = new(new()
    {
        ["owner-id"] = (_, _) => ["AWS"],
        ["prefix-list-id"] = (p, _) => [p.Id],
        ["prefix-list-name"] = (p, _) => [p.Name],
    }, tagsId: null);

    public static Task<ApiReply> Describe(ApiCall call) => List(call, Filters, PrefixListXml.PrefixList);

    public static Task<ApiReply> DescribeManaged(ApiCall call) => List(call, ManagedFilters, PrefixListXml.ManagedPrefixList);

    public static async Task<ApiReply> GetEntries(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (Find(state, call.Input.String("PrefixListId")!, out var list) is { } error) return error;
        if (Paging.Page(list.Cidrs, c => c, call.Input.Int("MaxResults"), call.Input.String("NextToken"), out var page, out var next) is { } pageError)
            return pageError;
        return ApiReply.Ok(w =>
        {
            w.List("entrySet", page, (w, cidr) => w.Element("cidr", cidr));
            w.Element("nextToken", next);
        });
    }

    /// <summary>DescribePrefixLists and DescribeManagedPrefixLists list the same lists in two shapes.</summary>
    private static async Task<ApiReply> List(ApiCall call, FilterTable<PrefixList> filters, Action<XmlWriter, PrefixList> shape)
    {
        var state = await call.ReadAsync();
        if (Query.Run(call, state, ServiceCatalog.PrefixLists(state.Region).OrderBy(p => p.Id, StringComparer.Ordinal), p => p.Id,
                "PrefixListIds", (string id, out PrefixList p) => Find(state, id, out p), filters, out var page, out var next) is { } error)
            return error;
        return ApiReply.Ok(w =>
        {
            w.List("prefixListSet", page, shape);
            w.Element("nextToken", next);
        });
    }

    private static AwsError? Find(AccountState state, string id, out PrefixList list) => Lookup.PrefixList(state, id, out list);
}
