namespace LocalVpc.Core.Commands.VpcEndpoints;

/// <summary>
/// The provider's answer to one endpoint, applied in the consumer's account: accepting moves a pendingAcceptance
/// endpoint to available; rejecting moves a pendingAcceptance or available one to rejected.
/// </summary>
public sealed record ChangeEndpointConnection(string VpcEndpointId, string ServiceName, bool Accept) : ICommand<bool>
{
    public Decision<bool> Decide(RegionState state, CommandContext context)
    {
        if (!state.VpcEndpoints.TryGetValue(VpcEndpointId, out var endpoint) || endpoint.ServiceName != ServiceName)
            return Ec2Errors.VpcEndpointNotFound(VpcEndpointId);
        var allowed = Accept ? endpoint.State == "pendingAcceptance" : endpoint.State is "pendingAcceptance" or "available";
        if (!allowed) return Ec2Errors.InvalidEndpointState(endpoint.Id, endpoint.State, Accept ? "accepted" : "rejected");
        return Decision.Of(true, new ResourcePut(endpoint with
        {
            State = Accept ? "available" : "rejected",
            ChangedAt = context.Time.GetUtcNow(),
        }));
    }
}
