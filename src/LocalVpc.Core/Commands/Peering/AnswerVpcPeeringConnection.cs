namespace LocalVpc.Core.Commands.Peering;

/// <summary>
/// AcceptVpcPeeringConnection and RejectVpcPeeringConnection: only the accepter VPC's owner answers, and only a pending
/// request. Accepting reads both VPCs' blocks again, as they are now.
/// </summary>
public sealed record AnswerVpcPeeringConnection(string? VpcPeeringConnectionId, bool Accept) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (Peerings.Find(state, VpcPeeringConnectionId, out var peering) is { } error) return error;
        var me = state.Scope.Account;
        if (peering.Accepter.OwnerId != me) return Peerings.NotPermitted(me, Accept ? "accept" : "reject", peering.Id);
        var next = Accept ? VpcPeeringConnection.Active : VpcPeeringConnection.Rejected;
        if (peering.StatusCode != VpcPeeringConnection.PendingAcceptance)
            return Ec2Errors.PeeringStateTransition(peering.Id, peering.StatusCode, next);

        var changed = peering with
        {
            StatusCode = next,
            StatusMessage = Accept ? "Active" : $"Rejected by {me}",
        };
        if (Accept)
        {
            var region = context.Region;
            var requesterVpc = region.Account(peering.Requester.OwnerId).Vpcs.GetValueOrDefault(peering.Requester.VpcId);
            var accepterVpc = state.Vpcs.GetValueOrDefault(peering.Accepter.VpcId);
            if (requesterVpc is null || accepterVpc is null) return Ec2Errors.PeeringStateTransition(peering.Id, peering.StatusCode, next);
            changed = changed with
            {
                Requester = Peerings.SideOf(requesterVpc, state.Scope.Region),
                Accepter = Peerings.SideOf(accepterVpc, state.Scope.Region),
            };
        }
        return Peerings.Write(state, changed, changed.Id);
    }
}
