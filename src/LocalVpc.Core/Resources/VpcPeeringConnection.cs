namespace LocalVpc.Core.Resources;

/// <summary>
/// A VPC peering connection (<c>pcx-…</c>) between two VPCs of the region, in one account or two. Each side's account
/// holds its own copy under the same id (tags are each account's own, as on AWS); every change writes both copies.
/// </summary>
/// <param name="ExpiresAt">When a request nobody answered expires (a week after it was made).</param>
public sealed record VpcPeeringConnection(
    string Id,
    PeeringSide Requester,
    PeeringSide Accepter,
    string StatusCode,
    string StatusMessage,
    DateTimeOffset ExpiresAt) : Resource(Id)
{
    public const string PendingAcceptance = "pending-acceptance";
    public const string Active = "active";
    public const string Rejected = "rejected";
    public const string Deleted = "deleted";
    public const string Failed = "failed";

    /// <summary>How long AWS waits for the accepter.</summary>
    public static readonly TimeSpan AcceptanceWindow = TimeSpan.FromDays(7);

    public bool IsActive => StatusCode == Active;

    /// <summary>Whether it can still become or is active (routes and group references may name it).</summary>
    public bool IsLive => StatusCode is PendingAcceptance or Active;

    /// <summary>The side in <paramref name="vpcId"/>'s VPC, and the other one; null when the VPC is neither.</summary>
    public (PeeringSide Local, PeeringSide Remote)? SidesFrom(string vpcId) =>
        Requester.VpcId == vpcId ? (Requester, Accepter) : Accepter.VpcId == vpcId ? (Accepter, Requester) : null;

    /// <summary>The accounts holding a copy: the requester's, and the accepter's when it is another.</summary>
    public IEnumerable<string> Owners => Requester.OwnerId == Accepter.OwnerId ? [Requester.OwnerId] : [Requester.OwnerId, Accepter.OwnerId];
}

/// <summary>One end of a peering: the VPC, its account and blocks, and the option its owner sets for it.</summary>
public sealed record PeeringSide(string OwnerId, string VpcId, string Region, ImmutableArray<string> CidrBlocks, bool AllowDnsResolutionFromRemoteVpc);
