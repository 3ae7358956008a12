namespace LocalVpc.Core.Commands.Subnets;

/// <summary>
/// CreateSubnet: a block inside one of the VPC's blocks, /16 to /28, overlapping no other subnet, in one
/// zone (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
/// </summary>
/// <param name="Ipv6CidrBlock">A /64 of one of the VPC's IPv6 blocks, making the subnet dual stack.</param>
/// <param name="Ipv6Native">
/// An IPv6-only subnet: the /64 and no IPv4 block. Its interfaces get an IPv6 address each and its instances resource
/// names with AAAA records (https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html#subnet-ip-address-range).
/// </param>
public sealed record CreateSubnet(string? VpcId, string? CidrBlock, string? AvailabilityZone, string? AvailabilityZoneId,
    ImmutableArray<TagSpecification> TagSpecifications, string? Ipv6CidrBlock = null, bool Ipv6Native = false) : ICommand<string>
{
    public const int MinPrefixLength = 16, MaxPrefixLength = 28;

    /// <summary>
    /// The one check of a subnet's IPv6 block, shared with AssociateSubnetCidrBlock: a /64 inside one of the VPC's IPv6
    /// blocks that no other subnet of the VPC holds.
    /// </summary>
    public static AwsError? CheckIpv6Block(AccountState state, Vpc vpc, string text, out Ipv6Cidr cidr)
    {
        if (!Ipv6Cidr.TryParse(text, out cidr)) return Ec2Errors.InvalidCidr("ipv6CidrBlock", text);
        var block = cidr;
        if (block.PrefixLength != AmazonIpv6Pool.SubnetPrefixLength || !vpc.Ipv6Cidrs.Any(c => c.Contains(block)))
            return Ec2Errors.SubnetRange(text);
        return state.SubnetsOf(vpc.Id).Any(s => s.Ipv6Cidr is { } other && other.Overlaps(block)) ? Ec2Errors.SubnetConflict(text) : null;
    }

    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (VpcId is null) return Ec2Errors.MissingParameter("VpcId");
        if (Ipv6Native) return DecideIpv6Only(state, context, VpcId);
        if (CidrBlock is null) return Ec2Errors.MissingParameter("CidrBlock");
        if (ResourceKinds.Vpc.Find(state, VpcId, out var vpc) is { } error) return error;
        if (!Ipv4Cidr.TryParse(CidrBlock, out var cidr)) return Ec2Errors.InvalidCidr("cidrBlock", CidrBlock);
        if (cidr.PrefixLength is < MinPrefixLength or > MaxPrefixLength || !vpc.Cidrs.Any(c => c.Contains(cidr)))
            return Ec2Errors.SubnetRange(CidrBlock);
        // One pass over the VPC's subnets serves both checks: this is the hot path of a create.
        var siblings = state.SubnetsOf(vpc.Id).ToList();
        if (siblings.Count >= context.Quotas[ServiceQuotas.SubnetsPerVpc]) return Ec2Errors.SubnetLimitExceeded();
        if (siblings.Exists(s => s.Cidr is { } other && other.Overlaps(cidr))) return Ec2Errors.SubnetConflict(CidrBlock);
        if (ChooseZone(state.Region, siblings, out var zone) is { } zoneError) return zoneError;
        var ipv6 = default(Ipv6Cidr);
        if (Ipv6CidrBlock is not null && CheckIpv6Block(state, vpc, Ipv6CidrBlock, out ipv6) is { } ipv6Error) return ipv6Error;

        var subnet = VpcLayout.NewSubnet(state, context, vpc, state.DefaultNetworkAclOf(vpc.Id).Id, cidr, zone, defaultForAz: false);
        if (Ipv6CidrBlock is not null)
            subnet = subnet with { Ipv6CidrAssociation = new SubnetIpv6CidrAssociation(context.Ids.Next(IdPrefix.SubnetCidrAssociation), ipv6) };
        return Created(subnet);
    }

    private Decision<string> DecideIpv6Only(AccountState state, CommandContext context, string vpcId)
    {
        if (CidrBlock is not null)
            return Ec2Errors.InvalidParameterCombination("An IPv6-only subnet (ipv6Native) takes an ipv6CidrBlock and no cidrBlock.");
        if (Ipv6CidrBlock is null) return Ec2Errors.MissingParameter("ipv6CidrBlock");
        if (ResourceKinds.Vpc.Find(state, vpcId, out var vpc) is { } error) return error;
        if (CheckIpv6Block(state, vpc, Ipv6CidrBlock, out var ipv6) is { } ipv6Error) return ipv6Error;
        List<Subnet> siblings = [.. state.SubnetsOf(vpc.Id)];
        if (siblings.Count >= context.Quotas[ServiceQuotas.SubnetsPerVpc]) return Ec2Errors.SubnetLimitExceeded();
        if (ChooseZone(state.Region, siblings, out var zone) is { } zoneError) return zoneError;
        var subnet = VpcLayout.NewSubnet(state, context, vpc, state.DefaultNetworkAclOf(vpc.Id).Id, null, zone, defaultForAz: false) with
        {
            Ipv6CidrAssociation = new SubnetIpv6CidrAssociation(context.Ids.Next(IdPrefix.SubnetCidrAssociation), ipv6),
            AssignIpv6AddressOnCreation = true,
            HostnameTypeOnLaunch = Subnet.ResourceName,
            ResourceNameDnsAaaaRecordOnLaunch = true,
        };
        return Created(subnet);
    }

    /// <summary>The subnet, with the tags the request gives it.</summary>
    private Decision<string> Created(Subnet subnet)
    {
        if (TagRules.ForNewResource(TagSpecifications, "subnet", subnet.Id, out var tags) is { } tagError) return tagError;
        List<Event> events = [new ResourcePut(subnet)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(subnet.Id, events);
    }

    /// <summary>The zone asked for, or else the zone with the fewest subnets of this VPC (first in order on a tie).</summary>
    private AwsError? ChooseZone(RegionInfo region, List<Subnet> siblings, out AvailabilityZone zone)
    {
        zone = null!;
        if (AvailabilityZone is not null && AvailabilityZoneId is not null)
            return Ec2Errors.InvalidParameterCombination("Only one of availabilityZone or availabilityZoneId may be specified.");
        if (AvailabilityZone is not null)
        {
            zone = region.Zone(AvailabilityZone)!;
            return zone is null ? Ec2Errors.InvalidAvailabilityZone(AvailabilityZone, region.Zones.Select(z => z.Name)) : null;
        }
        if (AvailabilityZoneId is not null)
        {
            zone = region.ZoneById(AvailabilityZoneId)!;
            return zone is null ? Ec2Errors.InvalidAvailabilityZoneId(AvailabilityZoneId, region.Zones.Select(z => z.ZoneId)) : null;
        }
        var used = new int[region.Zones.Length];
        foreach (var subnet in siblings)
            for (var i = 0; i < used.Length; i++)
                if (region.Zones[i].Name == subnet.AvailabilityZone) used[i]++;
        zone = region.Zones[Array.IndexOf(used, used.Min())];
        return null;
    }
}
