namespace LocalVpc.Core.Requests;

/// <summary>The target a CreateRoute or ReplaceRoute call names, as the request gives it.</summary>
public sealed record RouteTargetSpec(string? GatewayId, string? NatGatewayId, string? NetworkInterfaceId, string? InstanceId,
    string? VpcPeeringConnectionId, string? VpcEndpointId, string? EgressOnlyInternetGatewayId = null);
