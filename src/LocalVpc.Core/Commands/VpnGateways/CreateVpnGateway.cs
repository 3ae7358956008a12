namespace LocalVpc.Core.Commands.VpnGateways;

/// <summary>
/// CreateVpnGateway (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpnGateway.html): type
/// <c>ipsec.1</c>, and an Amazon-side ASN that is private (64512 to 65534, or 4200000000 to 4294967294), 64512 when none
/// is given.
/// </summary>
public sealed record CreateVpnGateway(string? Type, long? AmazonSideAsn, string? AvailabilityZone, ImmutableArray<TagSpecification> TagSpecifications)
    : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (Type is null) return Ec2Errors.MissingParameter("Type");
        if (Type != CustomerGateway.IpsecType) return Ec2Errors.InvalidParameterValue("Type", Type);
        if (AmazonSideAsn is { } asn && asn is not (>= 64512 and <= 65534 or >= 4_200_000_000L and <= 4_294_967_294L))
            return Ec2Errors.InvalidParameterValue($"Invalid Amazon side ASN {asn}: it must be a private ASN (64512-65534 or 4200000000-4294967294).");
        if (AvailabilityZone is not null && state.Region.Zones.All(z => z.Name != AvailabilityZone))
            return Ec2Errors.InvalidParameterValue("AvailabilityZone", AvailabilityZone);
        var gateway = new VpnGateway(context.Ids.Next(IdPrefix.VpnGateway), Type, AmazonSideAsn ?? VpnGateway.DefaultAmazonSideAsn, AvailabilityZone,
            VpcId: null, DetachedVpcId: null);
        if (TagRules.ForNewResource(TagSpecifications, "vpn-gateway", gateway.Id, out var tags) is { } tagError) return tagError;
        List<Event> events = [new ResourcePut(gateway)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(gateway.Id, events);
    }
}
