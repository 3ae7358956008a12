namespace LocalVpc.Core.State;

/// <summary>
/// Every kind of resource an account holds, in the order snapshots write them. Adding a kind is one entry here (and
/// its record and commands); the log's <c>$type</c> names come from here too, so an entry's discriminator never changes.
/// </summary>
public static class ResourceKinds
{
    private const string Arn = "arn:";

    public static readonly ResourceKind<Vpc> Vpc = new(0, "vpc", IdPrefix.Vpc, "vpc", Ec2Errors.VpcIdMalformed, Ec2Errors.VpcNotFound);
    public static readonly ResourceKind<Subnet> Subnet = new(1, "subnet", IdPrefix.Subnet, "subnet", Ec2Errors.SubnetIdMalformed, Ec2Errors.SubnetNotFound);
    public static readonly ResourceKind<SecurityGroup> SecurityGroup = new(2, "security-group", IdPrefix.SecurityGroup, "security-group",
        Ec2Errors.GroupIdMalformed, Ec2Errors.GroupNotFound);
    public static readonly ResourceKind<RouteTable> RouteTable = new(3, "route-table", IdPrefix.RouteTable, "route-table",
        Ec2Errors.RouteTableIdMalformed, Ec2Errors.RouteTableNotFound);
    public static readonly ResourceKind<NetworkAcl> NetworkAcl = new(4, "network-acl", IdPrefix.NetworkAcl, "network-acl",
        Ec2Errors.NetworkAclIdMalformed, Ec2Errors.NetworkAclNotFound);
    public static readonly ResourceKind<InternetGateway> InternetGateway = new(5, "internet-gateway", IdPrefix.InternetGateway, "internet-gateway",
        Ec2Errors.InternetGatewayIdMalformed, Ec2Errors.InternetGatewayNotFound);
    public static readonly ResourceKind<NetworkInterface> NetworkInterface = new(6, "network-interface", IdPrefix.NetworkInterface, "network-interface",
        Ec2Errors.NetworkInterfaceIdMalformed, Ec2Errors.NetworkInterfaceNotFound);
    public static readonly ResourceKind<Instance> Instance = new(7, "instance", IdPrefix.Instance, "instance",
        Ec2Errors.InstanceIdMalformed, Ec2Errors.InstanceNotFound);
    public static readonly ResourceKind<Address> Address = new(8, "address", IdPrefix.ElasticIpAllocation, "elastic-ip",
        Ec2Errors.AllocationIdMalformed, Ec2Errors.AllocationNotFound);
    public static readonly ResourceKind<NatGateway> NatGateway = new(9, "nat-gateway", IdPrefix.NatGateway, "natgateway",
        Ec2Errors.NatGatewayIdMalformed, Ec2Errors.NatGatewayNotFound);
    public static readonly ResourceKind<VpcEndpoint> VpcEndpoint = new(10, "vpc-endpoint", IdPrefix.VpcEndpoint, "vpc-endpoint",
        Ec2Errors.VpcEndpointIdMalformed, Ec2Errors.VpcEndpointNotFound);
    public static readonly ResourceKind<LoadBalancer> LoadBalancer = new(11, "load-balancer", Arn + ElbArn.LoadBalancer);
    public static readonly ResourceKind<TargetGroup> TargetGroup = new(12, "target-group", Arn + ElbArn.TargetGroup);
    public static readonly ResourceKind<Listener> Listener = new(13, "listener", Arn + ElbArn.Listener);
    public static readonly ResourceKind<EndpointServiceConfiguration> EndpointService = new(14, "endpoint-service", IdPrefix.EndpointService,
        "vpc-endpoint-service", Ec2Errors.EndpointServiceIdMalformed, Ec2Errors.EndpointServiceNotFound);
    public static readonly ResourceKind<ConnectionNotification> ConnectionNotification = new(15, "connection-notification", IdPrefix.ConnectionNotification);
    public static readonly ResourceKind<NetworkInsightsPath> NetworkInsightsPath = new(16, "network-insights-path", IdPrefix.NetworkInsightsPath,
        "network-insights-path", notFound: Ec2Errors.NetworkInsightsPathNotFound);
    public static readonly ResourceKind<NetworkInsightsAnalysis> NetworkInsightsAnalysis = new(17, "network-insights-analysis",
        IdPrefix.NetworkInsightsAnalysis, "network-insights-analysis", notFound: Ec2Errors.NetworkInsightsAnalysisNotFound);
    public static readonly ResourceKind<CustomerGateway> CustomerGateway = new(18, "customer-gateway", IdPrefix.CustomerGateway, "customer-gateway",
        Ec2Errors.CustomerGatewayIdMalformed, Ec2Errors.CustomerGatewayNotFound);
    public static readonly ResourceKind<DhcpOptions> DhcpOptions = new(19, "dhcp-options", IdPrefix.DhcpOptions, "dhcp-options",
        Ec2Errors.DhcpOptionsIdMalformed, Ec2Errors.DhcpOptionsNotFound);
    public static readonly ResourceKind<VpcPeeringConnection> VpcPeeringConnection = new(20, "vpc-peering-connection", IdPrefix.VpcPeeringConnection,
        "vpc-peering-connection", Ec2Errors.VpcPeeringConnectionIdMalformed, Ec2Errors.VpcPeeringConnectionNotFound);
    public static readonly ResourceKind<ManagedPrefixList> ManagedPrefixList = new(22, "managed-prefix-list", IdPrefix.PrefixList, "prefix-list",
        Ec2Errors.PrefixListIdMalformed, Ec2Errors.ManagedPrefixListNotFound);
    public static readonly ResourceKind<Volume> Volume = new(23, "volume", IdPrefix.Volume, "volume",
        Ec2Errors.VolumeIdMalformed, Ec2Errors.VolumeNotFound);
    public static readonly ResourceKind<VpnGateway> VpnGateway = new(21, "vpn-gateway", IdPrefix.VpnGateway, "vpn-gateway",
        Ec2Errors.VpnGatewayIdMalformed, Ec2Errors.VpnGatewayNotFound);
    public static readonly ResourceKind<EgressOnlyInternetGateway> EgressOnlyInternetGateway = new(24, "egress-only-internet-gateway",
        IdPrefix.EgressOnlyInternetGateway, "egress-only-internet-gateway", Ec2Errors.EgressOnlyInternetGatewayIdMalformed,
        Ec2Errors.EgressOnlyInternetGatewayNotFound);
    public static readonly ResourceKind<FlowLog> FlowLog = new(25, "flow-log", IdPrefix.FlowLog, "vpc-flow-log");

    /// <summary>Every kind, by <see cref="ResourceKind.Index"/>.</summary>
    public static readonly ImmutableArray<ResourceKind> All =
    [
        Vpc, Subnet, SecurityGroup, RouteTable, NetworkAcl, InternetGateway, NetworkInterface, Instance, Address, NatGateway, VpcEndpoint,
        LoadBalancer, TargetGroup, Listener, EndpointService, ConnectionNotification, NetworkInsightsPath, NetworkInsightsAnalysis, CustomerGateway,
        DhcpOptions, VpcPeeringConnection, VpnGateway, ManagedPrefixList, Volume, EgressOnlyInternetGateway, FlowLog,
    ];

    /// <summary>The kind that owns an id or ARN; null when none does.</summary>
    public static ResourceKind? Of(string id) =>
        (IdPrefix.Of(id) is { } prefix ? ByIdPrefix.GetValueOrDefault(prefix) : null) ??
        (ElbArn.KindOf(id) is { } arnKind ? ByArnKind.GetValueOrDefault(arnKind) : null);

    /// <summary>The kind of a resource record.</summary>
    public static ResourceKind Of(Resource resource) => ByType[resource.GetType()];

    private static readonly ImmutableDictionary<Type, ResourceKind> ByType = All.ToImmutableDictionary(k => k.Type);
    private static readonly ImmutableDictionary<string, ResourceKind> ByIdPrefix = All.Where(k => k.IdPrefix is not null).ToImmutableDictionary(k => k.IdPrefix!);
    private static readonly ImmutableDictionary<string, ResourceKind> ByArnKind = All.Where(k => k.ArnKind is not null).ToImmutableDictionary(k => k.ArnKind!);
}
