namespace LocalVpc.Core.Resources;

/// <summary>Wire names of <see cref="VpcEndpointState"/>.</summary>
public static class VpcEndpointStateExtensions
{
    /// <summary>The name EC2 writes (<c>pendingAcceptance</c>, <c>available</c>, …).</summary>
    public static string ToWire(this VpcEndpointState state) => WireNames<VpcEndpointState>.Of(state);
}
