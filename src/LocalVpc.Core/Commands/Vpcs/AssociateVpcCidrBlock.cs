namespace LocalVpc.Core.Commands.Vpcs;

/// <summary>
/// AssociateVpcCidrBlock: adds a secondary IPv4 block, or an IPv6 block, and its local route to every route table of the
/// VPC. Rules from https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html#add-cidr-block-restrictions.
/// The result is the new IPv4 association or the new IPv6 one.
/// </summary>
public sealed record AssociateVpcCidrBlock(string VpcId, string? CidrBlock, Ipv6BlockRequest? Ipv6 = null)
    : ICommand<(VpcCidrAssociation? Ipv4, VpcIpv6CidrAssociation? Ipv6)>
{
    /// <summary>Default quota of IPv4 blocks per VPC, the primary included, and of IPv6 blocks.</summary>
    public const int MaxBlocks = 5, MaxIpv6Blocks = 5;

    private static readonly Ipv4Cidr[] PrivateRanges =
        [new(0x0A000000, 8), new(0xAC100000, 12), new(0xC0A80000, 16)];

    public Decision<(VpcCidrAssociation? Ipv4, VpcIpv6CidrAssociation? Ipv6)> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.Vpc.Find(state, VpcId, out var vpc) is { } error) return error;
        if (Ipv6 is { Asked: true })
        {
            if (CidrBlock is not null)
                return Ec2Errors.InvalidParameterCombination("Only one of cidrBlock, ipv4IpamPoolId, or an IPv6 block can be associated at a time.");
            if (vpc.Ipv6CidrAssociations.Length >= MaxIpv6Blocks) return Ec2Errors.CidrLimitExceeded(vpc.Id, MaxIpv6Blocks);
            if (Ipv6Blocks.ForVpc(Ipv6, state, context, out var ipv6) is { } ipv6Error) return ipv6Error;
            return Decision.Of<(VpcCidrAssociation?, VpcIpv6CidrAssociation?)>((null, ipv6), VpcLayout.AddIpv6Block(state, context, vpc, ipv6));
        }
        if (CidrBlock is null) return Ec2Errors.MissingParameter("CidrBlock");
        if (CreateVpc.CheckBlock(CidrBlock, out var cidr) is { } invalid) return invalid;
        if (vpc.CidrAssociations.Length >= MaxBlocks) return Ec2Errors.CidrLimitExceeded(vpc.Id, MaxBlocks);
        if (vpc.Cidrs.Any(c => c.Overlaps(cidr))) return Ec2Errors.CidrConflict(CidrBlock, vpc.Id);

        // A block from another RFC 1918 range than the primary's is refused.
        Ipv4Cidr primary = vpc.Cidrs.First();
        var primaryRange = PrivateRanges.FirstOrDefault(r => r.Contains(primary));
        var newRange = PrivateRanges.FirstOrDefault(r => r.Contains(cidr));
        if (primaryRange != default && newRange != default && primaryRange != newRange)
            return Ec2Errors.CidrRestricted(CidrBlock, vpc.Id);

        var association = new VpcCidrAssociation(context.Ids.Next(IdPrefix.VpcCidrAssociation), cidr);
        List<Event> events = [new ResourcePut(vpc with { CidrAssociations = vpc.CidrAssociations.Add(association) })];
        events.AddRange(state.RouteTablesOf(vpc.Id).Select(t =>
            new ResourcePut(t with { Routes = t.Routes.Add(Route.Local(association.CidrBlock)) })));
        return Decision.Of<(VpcCidrAssociation?, VpcIpv6CidrAssociation?)>((association, null), events);
    }
}
