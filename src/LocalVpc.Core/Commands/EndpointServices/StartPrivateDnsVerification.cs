namespace LocalVpc.Core.Commands.EndpointServices;

/// <summary>
/// StartVpcEndpointServicePrivateDnsVerification. LocalVpc has no public DNS to look the TXT record up in, so
/// verification succeeds at once (the spec allows an emulator to auto-verify).
/// </summary>
public sealed record StartPrivateDnsVerification(string ServiceId) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.EndpointService.Find(state, ServiceId, out var configuration) is { } error) return error;
        if (configuration.PrivateDnsName is null)
            return Ec2Errors.InvalidParameter($"The service {configuration.Id} has no private DNS name to verify.");
        return Decision.Of(true, new ResourcePut(configuration with { PrivateDnsState = "verified" }));
    }
}
