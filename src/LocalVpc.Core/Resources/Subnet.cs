namespace LocalVpc.Core.Resources;

/// <summary>A subnet: one IPv4 block of its VPC in one availability zone.</summary>
public sealed record Subnet(
    string Id,
    string VpcId,
    string OwnerId,
    Ipv4Cidr Cidr,
    string AvailabilityZone,
    string AvailabilityZoneId,
    bool DefaultForAz,
    bool MapPublicIpOnLaunch,
    string NetworkAclId,
    string NetworkAclAssociationId) : Resource(Id)
{
    /// <remarks>
    /// Every subnet has exactly one network ACL association, so it lives here rather than in the ACL:
    /// creating a subnet then writes one small record, not the ACL with all its associations.
    /// </remarks>
    public NetworkAclAssociation NetworkAclAssociation => new(NetworkAclAssociationId, Id);

    /// <summary>AWS reserves the network address, the next three (router, DNS, future use) and the broadcast address.</summary>
    /// <remarks>https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html</remarks>
    public const int ReservedAddresses = 5;

    public string CidrBlock => Cidr.ToString();

    public string State => "available";

    public string Arn(string region) => $"arn:aws:ec2:{region}:{OwnerId}:subnet/{Id}";
}
