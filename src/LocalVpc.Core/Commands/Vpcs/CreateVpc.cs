namespace LocalVpc.Core.Commands.Vpcs;

/// <summary>CreateVpc: a VPC with its main route table, default network ACL and default security group.</summary>
/// <param name="Ipv6">An IPv6 block to create it with, if any.</param>
public sealed record CreateVpc(string? CidrBlock, string? InstanceTenancy, ImmutableArray<TagSpecification> TagSpecifications,
    Ipv6BlockRequest? Ipv6 = null) : ICommand<string>
{
    /// <summary>AWS allows VPC blocks from /16 to /28 (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html).</summary>
    public const int MinPrefixLength = 16, MaxPrefixLength = 28;

    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (CidrBlock is null)
            return new AwsError("MissingParameter", "Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.");
        if (CheckBlock(CidrBlock, out var cidr) is { } invalid) return invalid;
        // The default VPC counts, as on AWS.
        if (state.Vpcs.Count >= context.Quotas[ServiceQuotas.VpcsPerRegion]) return Ec2Errors.VpcLimitExceeded();
        var tenancy = InstanceTenancy ?? "default";
        if (tenancy is not ("default" or "dedicated"))
            return Ec2Errors.InvalidParameterValue("instanceTenancy", tenancy);

        VpcIpv6CidrAssociation? ipv6 = null;
        if (Ipv6 is { Asked: true } && Ipv6Blocks.ForVpc(Ipv6, state, context, out ipv6) is { } ipv6Error) return ipv6Error;

        var events = VpcLayout.NewVpc(state, context, cidr, tenancy, isDefault: false, ipv6);
        var vpcId = ((ResourcePut)events[0]).Resource.Id;
        if (TagRules.ForNewResource(TagSpecifications, "vpc", vpcId, out var tags) is { } tagError) return tagError;
        if (tags is not null) events.Add(tags);
        return Decision.Of(vpcId, events);
    }

    /// <summary>The one check of a VPC block's form and size, shared with AssociateVpcCidrBlock.</summary>
    public static AwsError? CheckBlock(string text, out Ipv4Cidr cidr)
    {
        if (!Ipv4Cidr.TryParse(text, out cidr)) return Ec2Errors.InvalidCidr("cidrBlock", text);
        if (cidr.PrefixLength is < MinPrefixLength or > MaxPrefixLength) return Ec2Errors.VpcRange(text);
        return null;
    }
}
