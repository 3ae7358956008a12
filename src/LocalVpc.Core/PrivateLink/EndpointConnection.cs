namespace LocalVpc.Core.PrivateLink;

/// <summary>One consumer's endpoint to a provider's service, with the state its consumer sees now.</summary>
public sealed record EndpointConnection(EndpointServiceConfiguration Configuration, VpcEndpoint Endpoint, AccountState Consumer, VpcEndpointState State);
