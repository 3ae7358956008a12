namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>VpcPeeringConnection</c> shape.</summary>
public static class VpcPeeringConnectionXml
{
    /// <param name="status">The status to show, when it is not the stored one (a new request answers <c>initiating-request</c>).</param>
    public static void VpcPeeringConnection(XmlWriter w, VpcPeeringConnection peering, AccountState state, (string Code, string Message)? status = null)
    {
        var (code, message) = status ?? (peering.StatusCode, peering.StatusMessage);
        w.Structure("accepterVpcInfo", w => Side(w, peering.Accepter, withBlocks: peering.IsActive));
        if (code is Core.Resources.VpcPeeringConnection.PendingAcceptance or "initiating-request") w.Element("expirationTime", peering.ExpiresAt);
        w.Structure("requesterVpcInfo", w => Side(w, peering.Requester, withBlocks: true));
        w.Structure("status", w =>
        {
            w.Element("code", code);
            w.Element("message", message);
        });
        TagXml.TagSet(w, state.TagsOf(peering.Id));
        w.Element("vpcPeeringConnectionId", peering.Id);
    }

    /// <summary>The options of one side as ModifyVpcPeeringConnectionOptions and the side's info show them.</summary>
    public static void Options(XmlWriter w, PeeringSide side)
    {
        w.Element("allowDnsResolutionFromRemoteVpc", side.AllowDnsResolutionFromRemoteVpc);
        w.Element("allowEgressFromLocalClassicLinkToRemoteVpc", false);
        w.Element("allowEgressFromLocalVpcToRemoteClassicLink", false);
    }

    /// <summary>The accepter's blocks are shown once the connection is active, as on AWS.</summary>
    private static void Side(XmlWriter w, PeeringSide side, bool withBlocks)
    {
        if (withBlocks && !side.CidrBlocks.IsEmpty)
        {
            w.Element("cidrBlock", side.CidrBlocks[0]);
            w.List("cidrBlockSet", side.CidrBlocks, (w, c) => w.Element("cidrBlock", c));
        }
        w.Element("ownerId", side.OwnerId);
        w.Structure("peeringOptions", w => Options(w, side));
        w.Element("vpcId", side.VpcId);
        w.Element("region", side.Region);
    }
}
