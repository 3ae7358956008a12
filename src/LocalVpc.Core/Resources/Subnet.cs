namespace LocalVpc.Core.Resources;

/// <summary>A subnet: one IPv4 block of its VPC in one availability zone.</summary>
public sealed record Subnet(
    string Id,
    string VpcId,
    string OwnerId,
    string CidrBlock,
    string AvailabilityZone,
    string AvailabilityZoneId,
    bool DefaultForAz,
    bool MapPublicIpOnLaunch) : Resource(Id)
{
    /// <summary>AWS reserves the network address, the next three (router, DNS, future use) and the broadcast address.</summary>
    /// <remarks>https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html</remarks>
    public const int ReservedAddresses = 5;

    public Ipv4Cidr Cidr => Ipv4Cidr.TryParse(CidrBlock, out var cidr) ? cidr : throw new InvalidOperationException(CidrBlock);

    public string State => "available";

    public string Arn(string region) => $"arn:aws:ec2:{region}:{OwnerId}:subnet/{Id}";
}
