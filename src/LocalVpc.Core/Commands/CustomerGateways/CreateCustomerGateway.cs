namespace LocalVpc.Core.Commands.CustomerGateways;

/// <summary>
/// CreateCustomerGateway (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateCustomerGateway.html): type
/// <c>ipsec.1</c>, an ASN (BgpAsn 1 to 2,147,483,647, default 65000, or BgpAsnExtended 2,147,483,648 to 4,294,967,295),
/// the device's IPv4 address. An identical request (type, address, ASN and device name) returns the existing gateway.
/// </summary>
public sealed record CreateCustomerGateway(string? Type, int? BgpAsn, long? BgpAsnExtended, string? IpAddress, string? CertificateArn,
    string? DeviceName, ImmutableArray<TagSpecification> TagSpecifications) : ICommand<string>
{
    /// <summary>The ASN AWS uses when none is given.</summary>
    public const int DefaultBgpAsn = 65000;

    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        // 1. What AWS checks.
        if (Type is null) return Ec2Errors.MissingParameter("Type");
        if (Type != CustomerGateway.IpsecType) return Ec2Errors.InvalidParameterValue("Type", Type);
        if (BgpAsn is not null && BgpAsnExtended is not null)
            return Ec2Errors.InvalidParameterCombination("Specify either BgpAsn or BgpAsnExtended, not both.");
        if (BgpAsn is < 1) return Ec2Errors.InvalidParameterValueRange("BgpAsn", BgpAsn.Value.ToString(), 1, int.MaxValue);
        if (BgpAsnExtended is < 2_147_483_648L or > 4_294_967_295L)
            return Ec2Errors.InvalidParameterValueRange("BgpAsnExtended", BgpAsnExtended.Value.ToString(), 2_147_483_648L, 4_294_967_295L);
        if (IpAddress is null && CertificateArn is null) return Ec2Errors.MissingParameter("IpAddress");
        if (IpAddress is not null && !Ipv4Cidr.TryParseAddress(IpAddress, out _)) return Ec2Errors.InvalidParameterValue("IpAddress", IpAddress);
        var asn = (BgpAsnExtended ?? BgpAsn ?? DefaultBgpAsn).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // 2. An identical request gets the gateway it made before.
        var existing = state.Table(ResourceKinds.CustomerGateway).Values.FirstOrDefault(g =>
            g.Type == Type && g.IpAddress == IpAddress && g.BgpAsn == asn && g.DeviceName == DeviceName && g.CertificateArn == CertificateArn);
        if (existing is not null) return Decision.Of(existing.Id);

        // 3. A new one.
        var gateway = new CustomerGateway(context.Ids.Next(IdPrefix.CustomerGateway), Type, asn, IpAddress, CertificateArn, DeviceName);
        if (TagRules.ForNewResource(TagSpecifications, "customer-gateway", gateway.Id, out var tags) is { } tagError) return tagError;
        List<Event> events = [new ResourcePut(gateway)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(gateway.Id, events);
    }
}
