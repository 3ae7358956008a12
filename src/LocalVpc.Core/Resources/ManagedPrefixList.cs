namespace LocalVpc.Core.Resources;

/// <summary>
/// A customer-managed prefix list (<c>pl-…</c>): named blocks of one address family that security group rules and routes
/// can refer to. Each change to its entries makes a new version.
/// </summary>
/// <param name="State">How the last change ended: <c>create-complete</c> or <c>modify-complete</c> (changes complete at once here).</param>
public sealed record ManagedPrefixList(
    string Id,
    string OwnerId,
    string Name,
    string AddressFamily,
    int MaxEntries,
    long Version,
    ImmutableArray<PrefixListEntry> Entries,
    string State) : Resource(Id)
{
    public const string Ipv4 = "IPv4";
    public const string Ipv6 = "IPv6";

    /// <summary>AWS's quota on a list's maximum entries.</summary>
    public const int EntriesQuota = 1000;

    public string Arn(string region) => $"arn:aws:ec2:{region}:{OwnerId}:prefix-list/{Id}";
}

/// <summary>One block of a prefix list, with its optional description.</summary>
public sealed record PrefixListEntry(string Cidr, string? Description);
