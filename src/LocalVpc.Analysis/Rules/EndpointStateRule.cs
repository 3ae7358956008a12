namespace LocalVpc.Analysis.Rules;

/// <summary>7b. An interface endpoint carries traffic only while available: the same state Describe shows at that moment.</summary>
internal static class EndpointStateRule
{
    public static string? Check(VpcEndpoint endpoint, DateTimeOffset now, List<Hop> hops)
    {
        var state = endpoint.StateAt(now);
        if (state == VpcEndpointState.Available)
        {
            hops.Add(new Hop(HopComponent.VpcEndpoint, endpoint.Id, true, $"{endpoint.Id} to {endpoint.ServiceName}"));
            return null;
        }
        var (code, fix) = state switch
        {
            VpcEndpointState.PendingAcceptance => (Explanations.EndpointPendingAcceptance, $"The service's owner must accept {endpoint.Id} (AcceptVpcEndpointConnections)."),
            VpcEndpointState.Rejected => (Explanations.EndpointRejected, $"The service's owner rejected {endpoint.Id}: ask them to accept a new endpoint."),
            _ => (Explanations.BadState, $"Wait until {endpoint.Id} is available."),
        };
        hops.Add(new Hop(HopComponent.VpcEndpoint, endpoint.Id, false, $"{endpoint.Id} is {state.ToWire()}: it carries no traffic", code));
        return fix;
    }
}
