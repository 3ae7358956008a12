namespace LocalVpc.Core.Resources;

/// <summary>Wire names and directions of <see cref="HopComponent"/>.</summary>
public static class HopComponentExtensions
{
    /// <summary><c>security-group-ingress</c>, <c>dns</c>, …</summary>
    public static string ToWire(this HopComponent component) => WireNames<HopComponent>.Of(component);

    /// <summary>Whether the hop judges traffic coming in (ingress) or going out (egress); null for neither.</summary>
    public static string? Direction(this HopComponent component) => component switch
    {
        HopComponent.SecurityGroupIngress or HopComponent.NetworkAclIngress => "ingress",
        HopComponent.SecurityGroupEgress or HopComponent.NetworkAclEgress => "egress",
        _ => null,
    };
}
