namespace LocalVpc.Core.Commands.Peering;

/// <summary>
/// ModifyVpcPeeringConnectionOptions: on an active connection, each owner sets its own side's option (whether the
/// other VPC's instances may resolve this side's public DNS names to private addresses).
/// </summary>
public sealed record ModifyVpcPeeringConnectionOptions(string? VpcPeeringConnectionId, bool? AccepterAllowDns, bool? RequesterAllowDns)
    : ICommand<VpcPeeringConnection>
{
    public Decision<VpcPeeringConnection> Decide(AccountState state, CommandContext context)
    {
        if (Peerings.Find(state, VpcPeeringConnectionId, out var peering) is { } error) return error;
        var me = state.Scope.Account;
        if (AccepterAllowDns is null && RequesterAllowDns is null)
            return Ec2Errors.MissingParameter("AccepterPeeringConnectionOptions or RequesterPeeringConnectionOptions");
        if (!peering.IsActive) return Ec2Errors.OperationNotPermitted($"Peering {peering.Id} is not active");
        if (AccepterAllowDns is not null && peering.Accepter.OwnerId != me) return Peerings.NotPermitted(me, "modify the accepter options of", peering.Id);
        if (RequesterAllowDns is not null && peering.Requester.OwnerId != me) return Peerings.NotPermitted(me, "modify the requester options of", peering.Id);
        var changed = peering with
        {
            Accepter = peering.Accepter with { AllowDnsResolutionFromRemoteVpc = AccepterAllowDns ?? peering.Accepter.AllowDnsResolutionFromRemoteVpc },
            Requester = peering.Requester with { AllowDnsResolutionFromRemoteVpc = RequesterAllowDns ?? peering.Requester.AllowDnsResolutionFromRemoteVpc },
        };
        return Peerings.Write(state, changed, changed);
    }
}
