namespace LocalVpc.Core.Resources;

/// <summary>
/// A customer gateway (<c>cgw-…</c>): what AWS knows of the device at the customer's end of a Site-to-Site VPN. LocalVpc
/// keeps it as the API does; there are no tunnels.
/// </summary>
/// <param name="BgpAsn">The device's ASN, as the API writes it (a string: <c>bgpAsn</c>, or <c>bgpAsnExtended</c> past 2,147,483,647).</param>
public sealed record CustomerGateway(string Id, string Type, string BgpAsn, string? IpAddress, string? CertificateArn, string? DeviceName)
    : Resource(Id)
{
    /// <summary>AWS's only VPN type.</summary>
    public const string IpsecType = "ipsec.1";

    /// <summary>A customer gateway is available as soon as it exists; deleting it removes it.</summary>
    public string State => "available";

    /// <summary>Whether the ASN needs <c>BgpAsnExtended</c> (four bytes, above a signed integer).</summary>
    public bool HasExtendedAsn => long.Parse(BgpAsn, System.Globalization.CultureInfo.InvariantCulture) > int.MaxValue;
}
