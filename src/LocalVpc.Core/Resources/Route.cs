namespace LocalVpc.Core.Resources;

/// <summary>
/// A route: one destination (IPv4 block, IPv6 block or prefix list) and one target. Its state (active or
/// blackhole) is not stored: it follows from whether the target still exists, see <see cref="State.AccountState.RouteState"/>.
/// </summary>
public sealed record Route(string? DestinationCidrBlock, string? DestinationIpv6CidrBlock, string? DestinationPrefixListId,
    RouteTarget Target, string Origin)
{
    public const string OriginCreateRouteTable = "CreateRouteTable";
    public const string OriginCreateRoute = "CreateRoute";

    /// <summary>The route AWS adds for each of the VPC's blocks.</summary>
    public static Route Local(string cidr) => new(cidr, null, null, RouteTarget.Local, OriginCreateRouteTable);

    /// <summary>The destination, whichever kind it is: routes in a table are unique by it.</summary>
    public string Destination => DestinationCidrBlock ?? DestinationIpv6CidrBlock ?? DestinationPrefixListId ?? "";
}
