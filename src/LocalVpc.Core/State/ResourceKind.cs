namespace LocalVpc.Core.State;

/// <summary>
/// One kind of resource as data: its place among the account's tables, its name in the log, which ids it owns, and
/// how a request's id is looked up (AWS's Malformed and NotFound errors). <see cref="ResourceKinds"/> lists them all;
/// state, snapshots, lookups and the log's JSON are driven from that one list.
/// </summary>
public abstract class ResourceKind(int index, string discriminator, Type type, string? tagType, Func<string, AwsError>? notFound)
{
    /// <summary>Where the kind's table sits in <see cref="AccountState"/>.</summary>
    public int Index { get; } = index;

    /// <summary>The kind's <c>$type</c> in the log's JSON (<c>vpc</c>, <c>vpc-endpoint</c>, …): stored, so never renamed.</summary>
    public string Discriminator { get; } = discriminator;

    /// <summary>The resource record.</summary>
    public Type Type { get; } = type;

    /// <summary>The resource type DescribeTags and TagSpecification name it by (<c>vpc</c>, <c>natgateway</c>); null when it takes no EC2 tags.</summary>
    public string? TagType { get; } = tagType;

    /// <summary>AWS's error for an id of this kind that does not exist; null for kinds that are never named alone.</summary>
    public AwsError? NotFound(string id) => notFound?.Invoke(id);

    /// <summary>The prefix of this kind's ids (<c>vpc</c>), or null for kinds named by ARN.</summary>
    public abstract string? IdPrefix { get; }

    /// <summary>The resource type in this kind's Elastic Load Balancing ARNs (<c>loadbalancer</c>), or null for kinds named by id.</summary>
    public abstract string? ArnKind { get; }

    internal abstract object EmptyTable();

    /// <summary>A mutable builder of <paramref name="table"/>, for applying many events at once (<see cref="AccountState.Apply(IEnumerable{Event})"/>).</summary>
    internal abstract object ToBuilder(object table);

    internal abstract object ToImmutable(object builder);

    internal abstract void Put(object builder, Resource resource);

    internal abstract void Remove(object builder, string id);

    /// <summary>The resource of this id in a table or its builder.</summary>
    internal abstract Resource? Find(object table, string id);

    internal abstract IEnumerable<Resource> All(object table);

    internal abstract int Count(object table);
}

/// <summary>A kind whose resources are <typeparamref name="T"/>.</summary>
/// <param name="key">The id prefix (<c>vpc</c>), or for kinds named by ARN the ARN's resource type (<c>arn:loadbalancer</c>).</param>
public sealed class ResourceKind<T>(int index, string discriminator, string key, string? tagType = null,
    Func<string, AwsError>? malformed = null, Func<string, AwsError>? notFound = null)
    : ResourceKind(index, discriminator, typeof(T), tagType, notFound) where T : Resource
{
    private const string ArnKey = "arn:";

    private static readonly ImmutableSortedDictionary<string, T> Empty = ImmutableSortedDictionary.Create<string, T>(StringComparer.Ordinal);

    public override string? IdPrefix => key.StartsWith(ArnKey, StringComparison.Ordinal) ? null : key;

    public override string? ArnKind => key.StartsWith(ArnKey, StringComparison.Ordinal) ? key[ArnKey.Length..] : null;

    /// <summary>
    /// The resource a request names, telling a malformed id from an unknown one as AWS does (both forms, the 8- and
    /// 17-digit ids, are well formed).
    /// </summary>
    public AwsError? Find(AccountState state, string id, out T value)
    {
        value = null!;
        if (IdPrefix is { } prefix && malformed is not null && !Ids.IdPrefix.IsWellFormed(id, prefix)) return malformed(id);
        if (!state.Table(this).TryGetValue(id, out var found))
            return NotFound(id) ?? throw new InvalidOperationException($"{Discriminator} has no NotFound error");
        value = found;
        return null;
    }

    internal override object EmptyTable() => Empty;

    internal override object ToBuilder(object table) => ((ImmutableSortedDictionary<string, T>)table).ToBuilder();

    internal override object ToImmutable(object builder) => ((ImmutableSortedDictionary<string, T>.Builder)builder).ToImmutable();

    internal override void Put(object builder, Resource resource) => ((ImmutableSortedDictionary<string, T>.Builder)builder)[resource.Id] = (T)resource;

    internal override void Remove(object builder, string id) => ((ImmutableSortedDictionary<string, T>.Builder)builder).Remove(id);

    internal override Resource? Find(object table, string id) => table switch
    {
        ImmutableSortedDictionary<string, T> immutable => immutable.GetValueOrDefault(id),
        ImmutableSortedDictionary<string, T>.Builder builder => builder.GetValueOrDefault(id),
        _ => throw new ArgumentException($"Not a table of {Discriminator}", nameof(table)),
    };

    internal override IEnumerable<Resource> All(object table) => ((ImmutableSortedDictionary<string, T>)table).Values;

    internal override int Count(object table) => ((ImmutableSortedDictionary<string, T>)table).Count;
}
