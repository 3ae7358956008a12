namespace LocalVpc.Core.Resources;

/// <summary>An IPv4 block associated with a VPC (<c>vpc-cidr-assoc-…</c>).</summary>
public sealed record VpcCidrAssociation(string AssociationId, string CidrBlock)
{
    public Ipv4Cidr Cidr => Ipv4Cidr.TryParse(CidrBlock, out var cidr) ? cidr : throw new InvalidOperationException(CidrBlock);
}
