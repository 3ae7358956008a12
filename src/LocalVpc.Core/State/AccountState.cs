namespace LocalVpc.Core.State;

/// <summary>
/// Everything one account holds in one region, immutable. Each table is sorted by id, which gives
/// Describe calls a stable order to page through.
/// </summary>
public sealed record AccountState(
    Scope Scope,
    string? DhcpOptionsId,
    ImmutableSortedDictionary<string, Vpc> Vpcs,
    ImmutableSortedDictionary<string, Subnet> Subnets,
    ImmutableSortedDictionary<string, SecurityGroup> SecurityGroups,
    ImmutableSortedDictionary<string, RouteTable> RouteTables,
    ImmutableSortedDictionary<string, NetworkAcl> NetworkAcls,
    ImmutableSortedDictionary<string, InternetGateway> InternetGateways,
    ImmutableSortedDictionary<string, NetworkInterface> NetworkInterfaces,
    ImmutableSortedDictionary<string, Instance> Instances,
    ImmutableSortedDictionary<string, Address> Addresses,
    ImmutableSortedDictionary<string, NatGateway> NatGateways,
    ImmutableSortedDictionary<string, VpcEndpoint> VpcEndpoints,
    ImmutableSortedDictionary<string, LoadBalancer> LoadBalancers,
    ImmutableSortedDictionary<string, TargetGroup> TargetGroups,
    ImmutableSortedDictionary<string, Listener> Listeners,
    ImmutableSortedDictionary<string, EndpointServiceConfiguration> EndpointServices,
    ImmutableSortedDictionary<string, ConnectionNotification> ConnectionNotifications,
    ImmutableSortedDictionary<string, NetworkInsightsPath> NetworkInsightsPaths,
    ImmutableSortedDictionary<string, NetworkInsightsAnalysis> NetworkInsightsAnalyses,
    ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, string>> Tags)
{
    private static readonly ImmutableSortedDictionary<string, string> NoTags = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>A region nobody has used yet.</summary>
    public static AccountState Empty(Scope scope) => new(scope, null,
        ImmutableSortedDictionary.Create<string, Vpc>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, Subnet>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, SecurityGroup>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, RouteTable>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, NetworkAcl>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, InternetGateway>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, NetworkInterface>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, Instance>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, Address>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, NatGateway>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, VpcEndpoint>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, LoadBalancer>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, TargetGroup>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, Listener>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, EndpointServiceConfiguration>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, ConnectionNotification>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, NetworkInsightsPath>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, NetworkInsightsAnalysis>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, ImmutableSortedDictionary<string, string>>(StringComparer.Ordinal));

    /// <summary>True once the region was set up (default VPC created or declined).</summary>
    public bool Initialized => DhcpOptionsId is not null;

    public RegionInfo Region => RegionCatalog.Find(Scope.Region) ?? throw new InvalidOperationException(Scope.Region);

    public ImmutableSortedDictionary<string, string> TagsOf(string id) => Tags.GetValueOrDefault(id, NoTags);

    public Vpc? DefaultVpc => Vpcs.Values.FirstOrDefault(v => v.IsDefault);

    /// <summary>Any resource by id, whatever its type.</summary>
    public Resource? Find(string id) => ElbArn.KindOf(id) switch
    {
        ElbArn.LoadBalancer => LoadBalancers.GetValueOrDefault(id),
        ElbArn.TargetGroup => TargetGroups.GetValueOrDefault(id),
        ElbArn.Listener => Listeners.GetValueOrDefault(id),
        _ => FindById(id),
    };

    private Resource? FindById(string id) => IdPrefix.Of(id) switch
    {
        IdPrefix.Vpc => Vpcs.GetValueOrDefault(id),
        IdPrefix.Subnet => Subnets.GetValueOrDefault(id),
        IdPrefix.SecurityGroup => SecurityGroups.GetValueOrDefault(id),
        IdPrefix.RouteTable => RouteTables.GetValueOrDefault(id),
        IdPrefix.NetworkAcl => NetworkAcls.GetValueOrDefault(id),
        IdPrefix.InternetGateway => InternetGateways.GetValueOrDefault(id),
        IdPrefix.NetworkInterface => NetworkInterfaces.GetValueOrDefault(id),
        IdPrefix.Instance => Instances.GetValueOrDefault(id),
        IdPrefix.ElasticIpAllocation => Addresses.GetValueOrDefault(id),
        IdPrefix.NatGateway => NatGateways.GetValueOrDefault(id),
        IdPrefix.VpcEndpoint => VpcEndpoints.GetValueOrDefault(id),
        IdPrefix.EndpointService => EndpointServices.GetValueOrDefault(id),
        IdPrefix.ConnectionNotification => ConnectionNotifications.GetValueOrDefault(id),
        IdPrefix.NetworkInsightsPath => NetworkInsightsPaths.GetValueOrDefault(id),
        IdPrefix.NetworkInsightsAnalysis => NetworkInsightsAnalyses.GetValueOrDefault(id),
        _ => null,
    };

    public IEnumerable<Subnet> SubnetsOf(string vpcId) => Subnets.Values.Where(s => s.VpcId == vpcId);

    public IEnumerable<SecurityGroup> SecurityGroupsOf(string vpcId) => SecurityGroups.Values.Where(g => g.VpcId == vpcId);

    public IEnumerable<RouteTable> RouteTablesOf(string vpcId) => RouteTables.Values.Where(t => t.VpcId == vpcId);

    public IEnumerable<NetworkAcl> NetworkAclsOf(string vpcId) => NetworkAcls.Values.Where(a => a.VpcId == vpcId);

    public SecurityGroup DefaultSecurityGroupOf(string vpcId) => SecurityGroupsOf(vpcId).First(g => g.IsDefault);

    /// <summary>The subnets associated with the ACL, as the API's associationSet.</summary>
    public IEnumerable<NetworkAclAssociation> AssociationsOf(NetworkAcl acl) =>
        Subnets.Values.Where(s => s.NetworkAclId == acl.Id).Select(s => s.NetworkAclAssociation);

    public NetworkAcl DefaultNetworkAclOf(string vpcId) => NetworkAclsOf(vpcId).First(a => a.IsDefault);

    public RouteTable MainRouteTableOf(string vpcId) => RouteTablesOf(vpcId).First(t => t.IsMain);

    /// <summary>Whether anything in the VPC has a public address (detaching its internet gateway is refused then).</summary>
    public bool HasMappedPublicAddresses(string vpcId) =>
        NetworkInterfaces.Values.Any(n => n.VpcId == vpcId &&
            (n.PublicIp is not null || Addresses.Values.Any(a => a.NetworkInterfaceId == n.Id)));

    public InternetGateway? InternetGatewayOf(string vpcId) => InternetGateways.Values.FirstOrDefault(g => g.VpcId == vpcId);

    /// <summary>The route table a subnet uses: its explicit association, else its VPC's main table.</summary>
    public RouteTable RouteTableOf(Subnet subnet) =>
        RouteTablesOf(subnet.VpcId).FirstOrDefault(t => t.Associations.Any(a => a.SubnetId == subnet.Id)) ?? MainRouteTableOf(subnet.VpcId);

    /// <summary>
    /// <c>active</c> while the route's target exists (an internet gateway must be attached to the table's VPC),
    /// else <c>blackhole</c>, as EC2 reports a route whose target was deleted or detached.
    /// </summary>
    public string RouteState(RouteTable table, Route route)
    {
        var target = route.Target;
        var alive = target switch
        {
            { IsLocal: true } => true,
            { GatewayId: { } igw } when igw.StartsWith("igw-", StringComparison.Ordinal) =>
                InternetGateways.TryGetValue(igw, out var gateway) && gateway.VpcId == table.VpcId,
            { InstanceId: { } instanceId } => Instances.TryGetValue(instanceId, out var instance) && instance.IsRunning,
            { NetworkInterfaceId: { } eni } => NetworkInterfaces.ContainsKey(eni),
            { NatGatewayId: { } nat } => NatGateways.TryGetValue(nat, out var gateway) && gateway.IsAvailable,
            { GatewayId: { } vpce } when vpce.StartsWith("vpce-", StringComparison.Ordinal) => VpcEndpoints.ContainsKey(vpce),
            _ => true,
        };
        return alive ? "active" : "blackhole";
    }

    /// <summary>The subnet's size less AWS's five reserved addresses and those its network interfaces hold.</summary>
    public int AvailableIpAddressCount(Subnet subnet) =>
        (int)subnet.Cidr.Size - Subnet.ReservedAddresses - NetworkInterfacesIn(subnet.Id).Sum(n => n.PrivateIpAddresses.Length);

    /// <summary>Public addresses held in this region: instances' launch addresses and Elastic IPs.</summary>
    public IEnumerable<string> PublicAddressesInUse() =>
        NetworkInterfaces.Values.Select(n => n.PublicIp).OfType<string>().Concat(Addresses.Values.Select(a => a.PublicIp));

    /// <summary>The public address an interface's private address answers to: an associated Elastic IP, else its launch address.</summary>
    public (string PublicIp, Address? ElasticIp)? PublicIpOf(NetworkInterface eni, string privateIp)
    {
        var elastic = Addresses.Values.FirstOrDefault(a => a.NetworkInterfaceId == eni.Id && a.PrivateIpAddress == privateIp);
        if (elastic is not null) return (elastic.PublicIp, elastic);
        return privateIp == eni.PrivateIpAddress && eni.PublicIp is { } launch ? (launch, null) : null;
    }

    public IEnumerable<NetworkInterface> NetworkInterfacesIn(string subnetId) => NetworkInterfaces.Values.Where(n => n.SubnetId == subnetId);

    /// <summary>The instance's network interfaces, primary (device 0) first.</summary>
    public IEnumerable<NetworkInterface> NetworkInterfacesOf(Instance instance) =>
        NetworkInterfaces.Values.Where(n => n.Attachment?.InstanceId == instance.Id).OrderBy(n => n.Attachment!.DeviceIndex);

    /// <summary>The next state. Applying is mechanical: all checks happened when the command decided.</summary>
    public AccountState Apply(Event e) => e switch
    {
        RegionInitialized init => this with { DhcpOptionsId = init.DhcpOptionsId },
        ResourcePut { Resource: Vpc v } => this with { Vpcs = Vpcs.SetItem(v.Id, v) },
        ResourcePut { Resource: Subnet s } => this with { Subnets = Subnets.SetItem(s.Id, s) },
        ResourcePut { Resource: SecurityGroup g } => this with { SecurityGroups = SecurityGroups.SetItem(g.Id, g) },
        ResourcePut { Resource: RouteTable t } => this with { RouteTables = RouteTables.SetItem(t.Id, t) },
        ResourcePut { Resource: NetworkAcl a } => this with { NetworkAcls = NetworkAcls.SetItem(a.Id, a) },
        ResourcePut { Resource: InternetGateway g } => this with { InternetGateways = InternetGateways.SetItem(g.Id, g) },
        ResourcePut { Resource: NetworkInterface n } => this with { NetworkInterfaces = NetworkInterfaces.SetItem(n.Id, n) },
        ResourcePut { Resource: Instance i } => this with { Instances = Instances.SetItem(i.Id, i) },
        ResourcePut { Resource: Address a } => this with { Addresses = Addresses.SetItem(a.Id, a) },
        ResourcePut { Resource: NatGateway n } => this with { NatGateways = NatGateways.SetItem(n.Id, n) },
        ResourcePut { Resource: VpcEndpoint v } => this with { VpcEndpoints = VpcEndpoints.SetItem(v.Id, v) },
        ResourcePut { Resource: LoadBalancer l } => this with { LoadBalancers = LoadBalancers.SetItem(l.Id, l) },
        ResourcePut { Resource: TargetGroup g } => this with { TargetGroups = TargetGroups.SetItem(g.Id, g) },
        ResourcePut { Resource: Listener l } => this with { Listeners = Listeners.SetItem(l.Id, l) },
        ResourcePut { Resource: EndpointServiceConfiguration c } => this with { EndpointServices = EndpointServices.SetItem(c.Id, c) },
        ResourcePut { Resource: ConnectionNotification n } => this with { ConnectionNotifications = ConnectionNotifications.SetItem(n.Id, n) },
        ResourcePut { Resource: NetworkInsightsPath p } => this with { NetworkInsightsPaths = NetworkInsightsPaths.SetItem(p.Id, p) },
        ResourcePut { Resource: NetworkInsightsAnalysis a } => this with { NetworkInsightsAnalyses = NetworkInsightsAnalyses.SetItem(a.Id, a) },
        ResourceRemoved r => Remove(r.Id) with { Tags = Tags.Remove(r.Id) },
        // Tags read back from the log come with the default comparer; keys are compared ordinally, as AWS does.
        TagsChanged t => this with { Tags = t.Tags.IsEmpty ? Tags.Remove(t.ResourceId) : Tags.SetItem(t.ResourceId, t.Tags.WithComparers(StringComparer.Ordinal)) },
        _ => throw new ArgumentException($"Unknown event {e.GetType().Name}", nameof(e)),
    };

    public AccountState Apply(IEnumerable<Event> events) => events.Aggregate(this, (state, e) => state.Apply(e));

    /// <summary>The shortest list of events that rebuilds this state: what a snapshot stores.</summary>
    public IEnumerable<Event> ToEvents()
    {
        if (DhcpOptionsId is not null) yield return new RegionInitialized(DhcpOptionsId);
        foreach (var v in Vpcs.Values) yield return new ResourcePut(v);
        foreach (var s in Subnets.Values) yield return new ResourcePut(s);
        foreach (var g in SecurityGroups.Values) yield return new ResourcePut(g);
        foreach (var t in RouteTables.Values) yield return new ResourcePut(t);
        foreach (var a in NetworkAcls.Values) yield return new ResourcePut(a);
        foreach (var g in InternetGateways.Values) yield return new ResourcePut(g);
        foreach (var n in NetworkInterfaces.Values) yield return new ResourcePut(n);
        foreach (var i in Instances.Values) yield return new ResourcePut(i);
        foreach (var a in Addresses.Values) yield return new ResourcePut(a);
        foreach (var n in NatGateways.Values) yield return new ResourcePut(n);
        foreach (var e in VpcEndpoints.Values) yield return new ResourcePut(e);
        foreach (var l in LoadBalancers.Values) yield return new ResourcePut(l);
        foreach (var g in TargetGroups.Values) yield return new ResourcePut(g);
        foreach (var l in Listeners.Values) yield return new ResourcePut(l);
        foreach (var c in EndpointServices.Values) yield return new ResourcePut(c);
        foreach (var n in ConnectionNotifications.Values) yield return new ResourcePut(n);
        foreach (var p in NetworkInsightsPaths.Values) yield return new ResourcePut(p);
        foreach (var a in NetworkInsightsAnalyses.Values) yield return new ResourcePut(a);
        foreach (var (id, tags) in Tags) yield return new TagsChanged(id, tags);
    }

    private AccountState Remove(string id) => ElbArn.KindOf(id) switch
    {
        ElbArn.LoadBalancer => this with { LoadBalancers = LoadBalancers.Remove(id) },
        ElbArn.TargetGroup => this with { TargetGroups = TargetGroups.Remove(id) },
        ElbArn.Listener => this with { Listeners = Listeners.Remove(id) },
        _ => RemoveById(id),
    };

    private AccountState RemoveById(string id) => IdPrefix.Of(id) switch
    {
        IdPrefix.Vpc => this with { Vpcs = Vpcs.Remove(id) },
        IdPrefix.Subnet => this with { Subnets = Subnets.Remove(id) },
        IdPrefix.SecurityGroup => this with { SecurityGroups = SecurityGroups.Remove(id) },
        IdPrefix.RouteTable => this with { RouteTables = RouteTables.Remove(id) },
        IdPrefix.NetworkAcl => this with { NetworkAcls = NetworkAcls.Remove(id) },
        IdPrefix.InternetGateway => this with { InternetGateways = InternetGateways.Remove(id) },
        IdPrefix.NetworkInterface => this with { NetworkInterfaces = NetworkInterfaces.Remove(id) },
        IdPrefix.Instance => this with { Instances = Instances.Remove(id) },
        IdPrefix.ElasticIpAllocation => this with { Addresses = Addresses.Remove(id) },
        IdPrefix.NatGateway => this with { NatGateways = NatGateways.Remove(id) },
        IdPrefix.VpcEndpoint => this with { VpcEndpoints = VpcEndpoints.Remove(id) },
        IdPrefix.EndpointService => this with { EndpointServices = EndpointServices.Remove(id) },
        IdPrefix.ConnectionNotification => this with { ConnectionNotifications = ConnectionNotifications.Remove(id) },
        IdPrefix.NetworkInsightsPath => this with { NetworkInsightsPaths = NetworkInsightsPaths.Remove(id) },
        IdPrefix.NetworkInsightsAnalysis => this with { NetworkInsightsAnalyses = NetworkInsightsAnalyses.Remove(id) },
        _ => throw new ArgumentException($"No resource type for {id}", nameof(id)),
    };
}
