using System.Text.Json.Serialization;

namespace LocalVpc.Core.Resources;

/// <summary>A resource in a region. Resources are immutable and refer to each other by id only.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(Vpc), "vpc")]
[JsonDerivedType(typeof(Subnet), "subnet")]
[JsonDerivedType(typeof(SecurityGroup), "security-group")]
[JsonDerivedType(typeof(RouteTable), "route-table")]
[JsonDerivedType(typeof(NetworkAcl), "network-acl")]
[JsonDerivedType(typeof(InternetGateway), "internet-gateway")]
[JsonDerivedType(typeof(NetworkInterface), "network-interface")]
[JsonDerivedType(typeof(Instance), "instance")]
[JsonDerivedType(typeof(Address), "address")]
[JsonDerivedType(typeof(NatGateway), "nat-gateway")]
[JsonDerivedType(typeof(VpcEndpoint), "vpc-endpoint")]
[JsonDerivedType(typeof(LoadBalancer), "load-balancer")]
[JsonDerivedType(typeof(TargetGroup), "target-group")]
[JsonDerivedType(typeof(Listener), "listener")]
[JsonDerivedType(typeof(EndpointServiceConfiguration), "endpoint-service")]
[JsonDerivedType(typeof(ConnectionNotification), "connection-notification")]
[JsonDerivedType(typeof(NetworkInsightsPath), "network-insights-path")]
[JsonDerivedType(typeof(NetworkInsightsAnalysis), "network-insights-analysis")]
public abstract record Resource(string Id);
