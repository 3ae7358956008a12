using System.Reflection;
using System.Text.Json.Serialization;

namespace LocalVpc.Core.Resources;

/// <summary>Wire names of <see cref="HopComponent"/>, read from the one place they are written (the enum's members).</summary>
public static class HopComponentExtensions
{
    private static readonly Dictionary<HopComponent, string> Names = Enum.GetValues<HopComponent>().ToDictionary(c => c,
        c => typeof(HopComponent).GetField(c.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name);

    /// <summary><c>security-group-ingress</c>, <c>dns</c>, …</summary>
    public static string ToWire(this HopComponent component) => Names[component];

    /// <summary>Whether the hop judges traffic coming in (ingress) or going out (egress); null for neither.</summary>
    public static string? Direction(this HopComponent component) => component switch
    {
        HopComponent.SecurityGroupIngress or HopComponent.NetworkAclIngress => "ingress",
        HopComponent.SecurityGroupEgress or HopComponent.NetworkAclEgress => "egress",
        _ => null,
    };
}
