namespace LocalVpc.Core.Commands.Peering;

/// <summary>
/// DeleteVpcPeeringConnection: either owner deletes an active connection; the requester also withdraws a pending or
/// failed request. Routes through it turn to blackhole; it stays listed as <c>deleted</c>.
/// </summary>
public sealed record DeleteVpcPeeringConnection(string? VpcPeeringConnectionId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (Peerings.Find(state, VpcPeeringConnectionId, out var peering) is { } error) return error;
        var me = state.Scope.Account;
        var allowed = peering.StatusCode switch
        {
            VpcPeeringConnection.Active => true,
            VpcPeeringConnection.PendingAcceptance or VpcPeeringConnection.Failed => peering.Requester.OwnerId == me,
            _ => false,
        };
        if (!allowed)
            return peering.StatusCode is VpcPeeringConnection.PendingAcceptance
                ? Peerings.NotPermitted(me, "delete", peering.Id)
                : Ec2Errors.PeeringStateTransition(peering.Id, peering.StatusCode, VpcPeeringConnection.Deleted);
        var changed = peering with { StatusCode = VpcPeeringConnection.Deleted, StatusMessage = $"Deleted by {me}" };
        // A failed request was never written to the other side.
        if (peering.StatusCode == VpcPeeringConnection.Failed) return Decision.Of(true, new ResourcePut(changed));
        return Peerings.Write(state, changed, true);
    }
}
