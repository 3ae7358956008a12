namespace LocalVpc.Core.Commands.Vpcs;

/// <summary>
/// AssociateVpcCidrBlock: adds a secondary IPv4 block, and its local route to every route table of the VPC.
/// Rules from https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html#add-cidr-block-restrictions.
/// </summary>
public sealed record AssociateVpcCidrBlock(string VpcId, string? CidrBlock) : ICommand<VpcCidrAssociation>
{
    /// <summary>Default quota of IPv4 blocks per VPC, the primary included.</summary>
    public const int MaxBlocks = 5;

    private static readonly Ipv4Cidr[] PrivateRanges =
        [new(0x0A000000, 8), new(0xAC100000, 12), new(0xC0A80000, 16)];

    public Decision<VpcCidrAssociation> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.Vpc.Find(state, VpcId, out var vpc) is { } error) return error;
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
        return Decision.Of(association, events);
    }
}
