namespace LocalVpc.Core.Validation;

/// <summary>
/// The one decision of which IPv6 block a VPC gets. Only Amazon's pool serves here: there are no BYOIP pools or IPAM
/// pools to take a block from, so asking for one is refused with the pool named, not ignored.
/// </summary>
public static class Ipv6Blocks
{
    public static AwsError? ForVpc(Ipv6BlockRequest request, AccountState state, CommandContext context, out VpcIpv6CidrAssociation association)
    {
        association = null!;
        if (request.Ipv6CidrBlock is { } text && !Ipv6Cidr.TryParse(text, out _)) return Ec2Errors.InvalidCidr("ipv6CidrBlock", text);
        if (request.AmazonProvided && (request.Ipv6CidrBlock is not null || request.Ipv6Pool is not null || request.Ipv6IpamPoolId is not null))
            return Ec2Errors.InvalidParameterCombination("The parameter amazonProvidedIpv6CidrBlock cannot be used with ipv6Pool, ipv6CidrBlock or ipv6IpamPoolId.");
        if (request.Ipv6CidrBlock is not null && request.Ipv6Pool is null && request.Ipv6IpamPoolId is null)
            return Ec2Errors.MissingParameter("ipv6Pool");
        if (request.Ipv6Pool is { } pool) return new AwsError("InvalidParameterValue", $"The IPv6 address pool '{pool}' does not exist. LocalVpc has no BYOIP pools: ask for amazonProvidedIpv6CidrBlock.");
        if (request.Ipv6IpamPoolId is { } ipam) return new AwsError("InvalidParameterValue", $"The IPAM pool '{ipam}' does not exist. LocalVpc has no IPAM pools: ask for amazonProvidedIpv6CidrBlock.");
        if (!request.AmazonProvided) return Ec2Errors.MissingParameter("amazonProvidedIpv6CidrBlock");
        var region = state.Scope.Region;
        if (request.NetworkBorderGroup is { } group && group != region)
            return Ec2Errors.InvalidParameterValue($"The network border group '{group}' is not valid for {region}: LocalVpc has no Local Zones, so use '{region}'.");
        if (AmazonIpv6Pool.NextVpcBlock(context.Region) is not { } block)
            return new AwsError("InsufficientCidrBlocks", "There are not enough free IPv6 blocks in Amazon's pool for this region.");
        association = new VpcIpv6CidrAssociation(context.Ids.Next(IdPrefix.VpcCidrAssociation), block, region, AmazonIpv6Pool.Name);
        return null;
    }
}
