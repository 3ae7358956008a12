namespace LocalVpc.Core.Resources;

/// <summary>A route. The routing issue adds targets; for now the VPC's <c>local</c> routes.</summary>
public sealed record Route(string DestinationCidrBlock, string GatewayId, string Origin)
{
    /// <summary>The route AWS adds for each of the VPC's blocks. It cannot be removed.</summary>
    public static Route Local(string cidr) => new(cidr, "local", "CreateRouteTable");

    public string State => "active";
}
