namespace LocalVpc.Core.Resources;

/// <summary>
/// An egress-only internet gateway (<c>eigw-…</c>): IPv6 out of one VPC to the internet, and only the answers back in;
/// a connection from outside is never let in. It is attached to its VPC for life.
/// </summary>
public sealed record EgressOnlyInternetGateway(string Id, string OwnerId, string VpcId) : Resource(Id)
{
    /// <summary>The attachment state EC2 shows for it (<c>attached</c>, unlike an internet gateway's <c>available</c>).</summary>
    public string AttachmentState => "attached";
}
