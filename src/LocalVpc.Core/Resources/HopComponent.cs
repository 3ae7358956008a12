using System.Text.Json.Serialization;

namespace LocalVpc.Core.Resources;

/// <summary>What a hop of a path looked at. The wire name is what the probe's JSON and the log carry.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HopComponent>))]
public enum HopComponent
{
    [JsonStringEnumMemberName("source")] Source,
    [JsonStringEnumMemberName("dns")] Dns,
    [JsonStringEnumMemberName("route")] Route,
    [JsonStringEnumMemberName("internet-gateway")] InternetGateway,
    [JsonStringEnumMemberName("nat-gateway")] NatGateway,
    [JsonStringEnumMemberName("security-group-egress")] SecurityGroupEgress,
    [JsonStringEnumMemberName("network-acl-egress")] NetworkAclEgress,
    [JsonStringEnumMemberName("network-acl-ingress")] NetworkAclIngress,
    [JsonStringEnumMemberName("security-group-ingress")] SecurityGroupIngress,
    [JsonStringEnumMemberName("destination")] Destination,
    [JsonStringEnumMemberName("vpc-endpoint")] VpcEndpoint,
    [JsonStringEnumMemberName("vpc-endpoint-service")] VpcEndpointService,
    [JsonStringEnumMemberName("load-balancer-listener")] LoadBalancerListener,
    [JsonStringEnumMemberName("target-group")] TargetGroup,
    [JsonStringEnumMemberName("localvpc-internet")] LocalVpcInternet,
    [JsonStringEnumMemberName("vpc-peering-connection")] VpcPeeringConnection,
    [JsonStringEnumMemberName("vpn-gateway")] VpnGateway,
    [JsonStringEnumMemberName("egress-only-internet-gateway")] EgressOnlyInternetGateway,
}
