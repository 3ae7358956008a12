namespace LocalVpc.Core.Resources;

/// <summary>An IPv4 block associated with a VPC (<c>vpc-cidr-assoc-…</c>).</summary>
public sealed record VpcCidrAssociation(string AssociationId, Ipv4Cidr Cidr)
{
    public string CidrBlock => Cidr.ToString();
}
