namespace LocalVpc.Core.Commands.Peering;

/// <summary>
/// CreateVpcPeeringConnection (https://docs.aws.amazon.com/vpc/latest/peering/create-vpc-peering-connection.html): a
/// request from one of the caller's VPCs to a VPC of the region, in this account or another. As on AWS, a request to a
/// VPC that does not exist, or whose blocks overlap the requester's, is made but fails at once (status <c>failed</c>).
/// </summary>
public sealed record CreateVpcPeeringConnection(string? VpcId, string? PeerVpcId, string? PeerOwnerId, string? PeerRegion,
    ImmutableArray<TagSpecification> TagSpecifications) : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (VpcId is null) return Ec2Errors.MissingParameter("VpcId");
        if (PeerVpcId is null) return Ec2Errors.MissingParameter("PeerVpcId");
        if (ResourceKinds.Vpc.Find(state, VpcId, out var vpc) is { } error) return error;
        var region = state.Scope.Region;
        if (PeerRegion is not null && PeerRegion != region)
            return Ec2Errors.InvalidParameterValue($"LocalVpc peers VPCs within one region; {PeerRegion} is not {region}.");
        var peerOwner = PeerOwnerId ?? state.Scope.Account;
        if (peerOwner.Length != 12 || !peerOwner.All(char.IsAsciiDigit)) return Ec2Errors.InvalidParameterValue("peerOwnerId", peerOwner);

        var id = context.Ids.Next(IdPrefix.VpcPeeringConnection);
        var expires = context.Time.GetUtcNow() + VpcPeeringConnection.AcceptanceWindow;
        var requester = Peerings.SideOf(vpc, region);
        var peerVpc = context.Region.Account(peerOwner).Vpcs.GetValueOrDefault(PeerVpcId);
        var peering = peerVpc is null || peerVpc.Id == vpc.Id || vpc.Cidrs.Any(a => peerVpc.Cidrs.Any(a.Overlaps))
            ? new VpcPeeringConnection(id, requester, new PeeringSide(peerOwner, PeerVpcId, region, [], false), VpcPeeringConnection.Failed,
                "Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range", expires)
            : new VpcPeeringConnection(id, requester, Peerings.SideOf(peerVpc, region), VpcPeeringConnection.PendingAcceptance,
                $"Pending Acceptance by {peerOwner}", expires);

        if (TagRules.ForNewResource(TagSpecifications, "vpc-peering-connection", id, out var tags) is { } tagError) return tagError;
        return Peerings.Write(state, peering, id, tags is null ? [] : [tags]);
    }
}
