using LocalVpc.Core.Commands.PrefixLists;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>Prefix lists: AWS's lists of gateway services (S3, DynamoDB), and the account's own managed lists.</summary>
public static class PrefixLists
{
    /// <summary>A list as DescribeManagedPrefixLists shows it, whichever kind it is.</summary>
    public sealed record Listed(string Id, string Name, string OwnerId, string AddressFamily, int MaxEntries, long Version, string State, string Arn,
        ImmutableArray<PrefixListEntry> Entries, bool Own);

    public static readonly FilterTable<PrefixList> Filters = new(new()
    {
        ["prefix-list-id"] = (p, _) => [p.Id],
        ["prefix-list-name"] = (p, _) => [p.Name],
    }, tagsId: null);

    public static readonly FilterTable<Listed> ManagedFilters = new(new()
    {
        ["owner-id"] = (p, _) => [p.OwnerId],
        ["prefix-list-id"] = (p, _) => [p.Id],
        ["prefix-list-name"] = (p, _) => [p.Name],
    }, p => p.Id);

    /// <summary>DescribePrefixLists: AWS's lists only, as AWS shows them.</summary>
    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (Query.Run(call, state, ServiceCatalog.PrefixLists(state.Region).OrderBy(p => p.Id, StringComparer.Ordinal), p => p.Id,
                "PrefixListIds", (string id, out PrefixList p) => Lookup.PrefixList(state, id, out p), Filters, out var page, out var next) is { } error)
            return error;
        return ApiReply.Ok(w =>
        {
            w.List("prefixListSet", page, PrefixListXml.PrefixList);
            w.Element("nextToken", next);
        });
    }

    /// <summary>DescribeManagedPrefixLists: AWS's lists and the account's own.</summary>
    public static async Task<ApiReply> DescribeManaged(ApiCall call)
    {
        var state = await call.ReadAsync();
        var all = All(state).ToDictionary(l => l.Id);
        if (Query.Run(call, state, all.Values.OrderBy(l => l.Id, StringComparer.Ordinal), l => l.Id, "PrefixListIds",
                (string id, out Listed l) => Find(state, all, id, out l), ManagedFilters, out var page, out var next) is { } error)
            return error;
        return ApiReply.Ok(w =>
        {
            w.List("prefixListSet", page, (w, l) => PrefixListXml.ManagedPrefixList(w, l, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> GetEntries(ApiCall call)
    {
        var state = await call.ReadAsync();
        var all = All(state).ToDictionary(l => l.Id);
        if (Find(state, all, call.Input.String("PrefixListId")!, out var list) is { } error) return error;
        if (call.Input.Long("TargetVersion") is { } target && target != list.Version)
            return Ec2Errors.InvalidParameterValue($"LocalVpc keeps the current version of {list.Id} ({list.Version}), not version {target}.");
        if (Paging.Page(list.Entries, e => e.Cidr, call.Input.Int("MaxResults"), call.Input.String("NextToken"), out var page, out var next) is { } pageError)
            return pageError;
        return ApiReply.Ok(w =>
        {
            w.List("entrySet", page, (w, e) =>
            {
                w.Element("cidr", e.Cidr);
                w.Element("description", e.Description);
            });
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new CreateManagedPrefixList(input.String("PrefixListName"), input.String("AddressFamily"), input.Int("MaxEntries"),
            Entries(input, "Entries"), Binding.TagSpecifications(input)));
        return outcome.Failed ? outcome.Error! : Reply(outcome.State!, outcome.Value!);
    }

    public static async Task<ApiReply> Modify(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new ModifyManagedPrefixList(input.String("PrefixListId"), input.Long("CurrentVersion"), input.String("PrefixListName"),
            Entries(input, "AddEntries"), [.. input.Structs("RemoveEntries").Select(e => e.String("Cidr") ?? "")], input.Int("MaxEntries")));
        return outcome.Failed ? outcome.Error! : Reply(outcome.State!, outcome.Value!);
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteManagedPrefixList(call.Input.String("PrefixListId")));
        if (outcome.Failed) return outcome.Error!;
        var deleted = Own(outcome.Value!, outcome.State!);
        return ApiReply.Ok(w => w.Structure("prefixList", w => PrefixListXml.ManagedPrefixList(w, deleted, outcome.State!)));
    }

    private static ApiReply Reply(AccountState state, string id) =>
        ApiReply.Ok(w => w.Structure("prefixList", w => PrefixListXml.ManagedPrefixList(w, Own(state.Table(ResourceKinds.ManagedPrefixList)[id], state), state)));

    private static ImmutableArray<PrefixListEntry> Entries(Input input, string member) =>
        [.. input.Structs(member).Select(e => new PrefixListEntry(e.String("Cidr") ?? "", e.String("Description")))];

    private static IEnumerable<Listed> All(AccountState state) =>
        ServiceCatalog.PrefixLists(state.Region).Select(p => new Listed(p.Id, p.Name, "AWS", ManagedPrefixList.Ipv4, p.Cidrs.Length, 1, "create-complete",
                p.Arn, [.. p.Cidrs.Select(c => new PrefixListEntry(c, null))], Own: false))
            .Concat(state.Table(ResourceKinds.ManagedPrefixList).Values.Select(l => Own(l, state)));

    private static Listed Own(ManagedPrefixList l, AccountState state) =>
        new(l.Id, l.Name, l.OwnerId, l.AddressFamily, l.MaxEntries, l.Version, l.State, l.Arn(state.Scope.Region), l.Entries, Own: true);

    private static AwsError? Find(AccountState state, Dictionary<string, Listed> all, string id, out Listed list)
    {
        if (all.TryGetValue(id, out list!)) return null;
        return ResourceKinds.ManagedPrefixList.Find(state, id, out _);
    }
}
