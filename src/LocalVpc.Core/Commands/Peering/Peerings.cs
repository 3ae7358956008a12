namespace LocalVpc.Core.Commands.Peering;

/// <summary>What the peering commands share: reading a side from its VPC, and writing a changed connection to every copy.</summary>
internal static class Peerings
{
    public static PeeringSide SideOf(Vpc vpc, string region, bool allowDns = false) =>
        new(vpc.OwnerId, vpc.Id, region, [.. vpc.CidrAssociations.Select(a => a.CidrBlock)], allowDns);

    /// <summary>The connection as the caller's account holds it; NotFound for an account that is neither side.</summary>
    public static AwsError? Find(AccountState state, string? id, out VpcPeeringConnection peering)
    {
        peering = null!;
        if (string.IsNullOrEmpty(id)) return Ec2Errors.MissingParameter("VpcPeeringConnectionId");
        return ResourceKinds.VpcPeeringConnection.Find(state, id, out peering);
    }

    /// <summary>
    /// The changed connection in the caller's copy and in the other side's account, written together; a failed request
    /// reached no other side, so only the caller's copy is written. <paramref name="alsoOwn"/> are further events for the
    /// caller's account (its tags).
    /// </summary>
    public static Decision<T> Write<T>(AccountState state, VpcPeeringConnection changed, T value, params IEnumerable<Event> alsoOwn)
    {
        var me = state.Scope.Account;
        var elsewhere = changed.StatusCode == VpcPeeringConnection.Failed
            ? []
            : changed.Owners.Where(o => o != me).Select(o => new AccountEvents(o, [new ResourcePut(changed)]));
        return Decision.Across(value, [new ResourcePut(changed), .. alsoOwn], elsewhere);
    }

    public static AwsError NotPermitted(string account, string verb, string id) =>
        Ec2Errors.OperationNotPermitted($"User {account} cannot {verb} peering {id}");
}
