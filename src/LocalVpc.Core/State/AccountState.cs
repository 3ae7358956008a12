namespace LocalVpc.Core.State;

/// <summary>
/// Everything one account holds in one region, immutable. Each table is sorted by id, which gives
/// Describe calls a stable order to page through.
/// </summary>
public sealed class AccountState
{
    private static readonly ImmutableSortedDictionary<string, string> NoTags = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    private static readonly ImmutableSortedSet<string> NoIds = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>One table per kind, at <see cref="ResourceKind.Index"/>: each an <c>ImmutableSortedDictionary&lt;string, T&gt;</c>.</summary>
    private readonly ImmutableArray<object> _tables;

    /// <summary>
    /// Each subnet's network interfaces and the private IPv4 addresses they hold, kept with every change rather than found
    /// by a scan: allocating an address and counting a subnet's free ones read it on every create, and a region may hold
    /// 100,000 interfaces.
    /// </summary>
    private readonly ImmutableDictionary<string, SubnetUse> _subnetUse;

    private sealed record SubnetUse(ImmutableSortedSet<string> InterfaceIds, ImmutableSortedSet<uint> PrivateAddresses)
    {
        public static readonly SubnetUse None = new(NoIds, []);

        public Builder ToBuilder() => new(InterfaceIds.ToBuilder(), PrivateAddresses.ToBuilder());

        /// <summary>
        /// A subnet's use while events apply, changed in place and frozen once: a restart's snapshot puts 100,000 interfaces
        /// in a row, and a new immutable pair of sets for each cost three quarters of applying it.
        /// </summary>
        public sealed class Builder(ImmutableSortedSet<string>.Builder interfaceIds, ImmutableSortedSet<uint>.Builder privateAddresses)
        {
            public void Add(NetworkInterface eni)
            {
                interfaceIds.Add(eni.Id);
                foreach (var text in eni.PrivateIpAddresses) privateAddresses.Add(AddressOf(text));
            }

            public void Remove(NetworkInterface eni)
            {
                interfaceIds.Remove(eni.Id);
                foreach (var text in eni.PrivateIpAddresses) privateAddresses.Remove(AddressOf(text));
            }

            public SubnetUse ToImmutable() => new(interfaceIds.ToImmutable(), privateAddresses.ToImmutable());
        }

        private static uint AddressOf(string text) => Ipv4Cidr.TryParseAddress(text, out var address) ? address : 0;
    }

    /// <summary>
    /// Each VPC's endpoints, and endpoints by the client token that made them: every CreateVpcEndpoint reads both (its
    /// quota, its private DNS names, its idempotency), and an account may hold thousands of endpoints across its VPCs.
    /// </summary>
    private readonly ImmutableDictionary<string, VpcEndpointUse> _endpointsByVpc;

    /// <summary>A VPC's endpoints, and how many are not Gateway endpoints (what its interface endpoint quota counts).</summary>
    private sealed record VpcEndpointUse(ImmutableSortedSet<string> Ids, int NotGateway)
    {
        public static readonly VpcEndpointUse None = new(NoIds, 0);

        public VpcEndpointUse With(VpcEndpoint endpoint) => new(Ids.Add(endpoint.Id), NotGateway + Counted(endpoint));

        public VpcEndpointUse Without(VpcEndpoint endpoint) => new(Ids.Remove(endpoint.Id), NotGateway - Counted(endpoint));

        private static int Counted(VpcEndpoint endpoint) => endpoint.Type == "Gateway" ? 0 : 1;
    }

    private readonly ImmutableDictionary<string, string> _endpointsByClientToken;

    private AccountState(Scope scope, string? dhcpOptionsId, ImmutableArray<object> tables,
        ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, string>> tags,
        ImmutableDictionary<string, SubnetUse> subnetUse, ImmutableDictionary<string, VpcEndpointUse> endpointsByVpc,
        ImmutableDictionary<string, string> endpointsByClientToken)
    {
        Scope = scope;
        DhcpOptionsId = dhcpOptionsId;
        _tables = tables;
        Tags = tags;
        _subnetUse = subnetUse;
        _endpointsByVpc = endpointsByVpc;
        _endpointsByClientToken = endpointsByClientToken;
    }

    /// <summary>An account nobody has used yet in this region.</summary>
    public static AccountState Empty(Scope scope) => new(scope, null, [.. ResourceKinds.All.Select(k => k.EmptyTable())],
        ImmutableSortedDictionary.Create<string, ImmutableSortedDictionary<string, string>>(StringComparer.Ordinal),
        ImmutableDictionary<string, SubnetUse>.Empty, ImmutableDictionary<string, VpcEndpointUse>.Empty,
        ImmutableDictionary.Create<string, string>(StringComparer.Ordinal));

    public Scope Scope { get; }

    /// <summary>The region's default DHCP options set, once the region is set up (it may have been deleted since).</summary>
    public string? DhcpOptionsId { get; }

    /// <summary>Every resource's tags, by resource id.</summary>
    public ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, string>> Tags { get; }

    /// <summary>The table of one kind, sorted by id.</summary>
    public ImmutableSortedDictionary<string, T> Table<T>(ResourceKind<T> kind) where T : Resource => (ImmutableSortedDictionary<string, T>)_tables[kind.Index];

    public ImmutableSortedDictionary<string, Vpc> Vpcs => Table(ResourceKinds.Vpc);
    public ImmutableSortedDictionary<string, Subnet> Subnets => Table(ResourceKinds.Subnet);
    public ImmutableSortedDictionary<string, SecurityGroup> SecurityGroups => Table(ResourceKinds.SecurityGroup);
    public ImmutableSortedDictionary<string, RouteTable> RouteTables => Table(ResourceKinds.RouteTable);
    public ImmutableSortedDictionary<string, NetworkAcl> NetworkAcls => Table(ResourceKinds.NetworkAcl);
    public ImmutableSortedDictionary<string, InternetGateway> InternetGateways => Table(ResourceKinds.InternetGateway);
    public ImmutableSortedDictionary<string, NetworkInterface> NetworkInterfaces => Table(ResourceKinds.NetworkInterface);
    public ImmutableSortedDictionary<string, Instance> Instances => Table(ResourceKinds.Instance);
    public ImmutableSortedDictionary<string, Address> Addresses => Table(ResourceKinds.Address);
    public ImmutableSortedDictionary<string, NatGateway> NatGateways => Table(ResourceKinds.NatGateway);
    public ImmutableSortedDictionary<string, VpcEndpoint> VpcEndpoints => Table(ResourceKinds.VpcEndpoint);
    public ImmutableSortedDictionary<string, LoadBalancer> LoadBalancers => Table(ResourceKinds.LoadBalancer);
    public ImmutableSortedDictionary<string, TargetGroup> TargetGroups => Table(ResourceKinds.TargetGroup);
    public ImmutableSortedDictionary<string, Listener> Listeners => Table(ResourceKinds.Listener);
    public ImmutableSortedDictionary<string, EndpointServiceConfiguration> EndpointServices => Table(ResourceKinds.EndpointService);
    public ImmutableSortedDictionary<string, ConnectionNotification> ConnectionNotifications => Table(ResourceKinds.ConnectionNotification);
    public ImmutableSortedDictionary<string, NetworkInsightsPath> NetworkInsightsPaths => Table(ResourceKinds.NetworkInsightsPath);
    public ImmutableSortedDictionary<string, NetworkInsightsAnalysis> NetworkInsightsAnalyses => Table(ResourceKinds.NetworkInsightsAnalysis);

    /// <summary>True once the region was set up (default VPC created or declined).</summary>
    public bool Initialized => DhcpOptionsId is not null;

    /// <summary>How many resources the account holds here, of every kind.</summary>
    public int ResourceCount => ResourceKinds.All.Sum(k => k.Count(_tables[k.Index]));

    public RegionInfo Region => RegionCatalog.Find(Scope.Region) ?? throw new InvalidOperationException(Scope.Region);

    public ImmutableSortedDictionary<string, string> TagsOf(string id) => Tags.GetValueOrDefault(id, NoTags);

    public Vpc? DefaultVpc => Vpcs.Values.FirstOrDefault(v => v.IsDefault);

    /// <summary>Any resource by id, whatever its kind.</summary>
    public Resource? Find(string id) => ResourceKinds.Of(id) is { } kind ? kind.Find(_tables[kind.Index], id) : null;

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
            { GatewayId: { } vgw } when vgw.StartsWith("vgw-", StringComparison.Ordinal) =>
                Table(ResourceKinds.VpnGateway).TryGetValue(vgw, out var vpn) && vpn.VpcId == table.VpcId,
            { EgressOnlyInternetGatewayId: { } eigw } =>
                Table(ResourceKinds.EgressOnlyInternetGateway).TryGetValue(eigw, out var egressOnly) && egressOnly.VpcId == table.VpcId,
            { VpcPeeringConnectionId: { } pcx } => Table(ResourceKinds.VpcPeeringConnection).TryGetValue(pcx, out var peering) && peering.IsActive,
            _ => true,
        };
        return alive ? "active" : "blackhole";
    }

    /// <summary>The subnet's IPv4 size less AWS's five reserved addresses and those its network interfaces hold (0 when IPv6 only).</summary>
    public int AvailableIpAddressCount(Subnet subnet) => subnet.Cidr is not { } cidr ? 0
        : (int)cidr.Size - Subnet.ReservedAddresses - PrivateAddressesIn(subnet.Id).Count;

    /// <summary>The private IPv4 addresses the subnet's network interfaces hold, in order.</summary>
    public ImmutableSortedSet<uint> PrivateAddressesIn(string subnetId) => _subnetUse.GetValueOrDefault(subnetId, SubnetUse.None).PrivateAddresses;

    /// <summary>Public addresses held in this region: instances' launch addresses and Elastic IPs.</summary>
    public IEnumerable<string> PublicAddressesInUse() =>
        NetworkInterfaces.Values.Select(n => n.PublicIp).OfType<string>().Concat(Addresses.Values.Select(a => a.PublicIp));

    /// <summary>The public address an interface's private address answers to: an associated Elastic IP, else its launch address.</summary>
    public (string PublicIp, Address? ElasticIp)? PublicIpOf(NetworkInterface eni, string? privateIp)
    {
        if (privateIp is null) return null;
        var elastic = Addresses.Values.FirstOrDefault(a => a.NetworkInterfaceId == eni.Id && a.PrivateIpAddress == privateIp);
        if (elastic is not null) return (elastic.PublicIp, elastic);
        return privateIp == eni.PrivateIpAddress && eni.PublicIp is { } launch ? (launch, null) : null;
    }

    /// <summary>The VPC's endpoints, by id.</summary>
    public IEnumerable<VpcEndpoint> VpcEndpointsIn(string vpcId) =>
        _endpointsByVpc.GetValueOrDefault(vpcId, VpcEndpointUse.None).Ids.Select(id => VpcEndpoints[id]);

    /// <summary>How many of the VPC's endpoints are not Gateway endpoints: what its interface endpoint quota counts.</summary>
    public int InterfaceEndpointCountIn(string vpcId) => _endpointsByVpc.GetValueOrDefault(vpcId, VpcEndpointUse.None).NotGateway;

    /// <summary>The endpoint a CreateVpcEndpoint with this client token made, if any.</summary>
    public VpcEndpoint? VpcEndpointByClientToken(string clientToken) =>
        _endpointsByClientToken.TryGetValue(clientToken, out var id) ? VpcEndpoints[id] : null;

    /// <summary>The subnet's network interfaces, by id.</summary>
    public IEnumerable<NetworkInterface> NetworkInterfacesIn(string subnetId) =>
        _subnetUse.GetValueOrDefault(subnetId, SubnetUse.None).InterfaceIds.Select(id => NetworkInterfaces[id]);

    /// <summary>The volumes attached to an instance: the root device first, then by device name.</summary>
    public IEnumerable<Volume> VolumesOf(string instanceId) =>
        (_volumesByInstance ??= Table(ResourceKinds.Volume).Values.Where(v => v.Attachment is not null).ToLookup(v => v.Attachment!.InstanceId))[instanceId]
            .OrderBy(v => v.Attachment!.Device != ImageInfo.RootDeviceName).ThenBy(v => v.Attachment!.Device, StringComparer.Ordinal);

    /// <summary>The instance's network interfaces, primary (device 0) first.</summary>
    public IEnumerable<NetworkInterface> NetworkInterfacesOf(Instance instance) =>
        (_interfacesByInstance ??= NetworkInterfaces.Values.Where(n => n.Attachment is not null).ToLookup(n => n.Attachment!.InstanceId))[instance.Id]
            .OrderBy(n => n.Attachment!.DeviceIndex);

    // Indexes of this snapshot, built on first use: a listing of n instances reads each instance's interfaces and volumes
    // in O(1) instead of scanning every interface and volume n times. The snapshot never changes, so they never go stale;
    // two readers racing to build one build the same thing.
    private ILookup<string, NetworkInterface>? _interfacesByInstance;
    private ILookup<string, Volume>? _volumesByInstance;

    /// <summary>The next state. Applying is mechanical: all checks happened when the command decided.</summary>
    public AccountState Apply(Event e) => Apply([e]);

    /// <summary>
    /// The state after <paramref name="events"/>, in order. They are applied to mutable builders of the tables they touch,
    /// frozen once at the end: a snapshot read back at a restart holds 100,000 resources, and building a new immutable
    /// state for each would allocate a whole path of every table per resource.
    /// </summary>
    public AccountState Apply(IEnumerable<Event> events)
    {
        var next = new Changes(this);
        foreach (var e in events) next.Apply(e);
        return next.ToState();
    }

    /// <summary>The shortest list of events that rebuilds this state: what a snapshot stores.</summary>
    public IEnumerable<Event> ToEvents()
    {
        if (DhcpOptionsId is not null)
        {
            yield return new RegionInitialized(DhcpOptionsId);
            if (!Table(ResourceKinds.DhcpOptions).ContainsKey(DhcpOptionsId)) yield return new ResourceRemoved(DhcpOptionsId);
        }
        foreach (var kind in ResourceKinds.All)
            foreach (var resource in kind.All(_tables[kind.Index]))
                yield return new ResourcePut(resource);
        foreach (var (id, tags) in Tags) yield return new TagsChanged(id, tags);
    }

    /// <summary>One application of events: builders of the tables touched so far, the rest shared with the state before.</summary>
    private sealed class Changes(AccountState before)
    {
        private readonly object?[] _tables = new object?[before._tables.Length];
        private string? _dhcpOptionsId = before.DhcpOptionsId;
        private ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, string>>.Builder? _tags;
        /// <summary>The subnets whose use this application changed.</summary>
        private Dictionary<string, SubnetUse.Builder>? _subnetUse;
        private ImmutableDictionary<string, VpcEndpointUse>.Builder? _endpointsByVpc;
        private ImmutableDictionary<string, string>.Builder? _endpointsByClientToken;

        public void Apply(Event e)
        {
            switch (e)
            {
                // A region starts with its default DHCP options set; a snapshot of a region whose set was deleted says so (ToEvents).
                case RegionInitialized init:
                    _dhcpOptionsId = init.DhcpOptionsId;
                    Put(Resources.DhcpOptions.Default(init.DhcpOptionsId, before.Scope));
                    break;
                case ResourcePut put:
                    Put(put.Resource);
                    break;
                case ResourceRemoved removed:
                    Remove(removed.Id);
                    break;
                // Tags read back from the log come with the default comparer; keys are compared ordinally, as AWS does.
                case TagsChanged t when t.Tags.IsEmpty:
                    Tags.Remove(t.ResourceId);
                    break;
                case TagsChanged t:
                    Tags[t.ResourceId] = t.Tags.WithComparers(StringComparer.Ordinal);
                    break;
                default:
                    throw new ArgumentException($"Unknown event {e.GetType().Name}", nameof(e));
            }
        }

        public AccountState ToState() => new(before.Scope, _dhcpOptionsId,
            [.. ResourceKinds.All.Select(k => _tables[k.Index] is { } table ? k.ToImmutable(table) : before._tables[k.Index])],
            _tags?.ToImmutable() ?? before.Tags,
            _subnetUse is null ? before._subnetUse : before._subnetUse.SetItems(_subnetUse.Select(u => KeyValuePair.Create(u.Key, u.Value.ToImmutable()))),
            _endpointsByVpc?.ToImmutable() ?? before._endpointsByVpc, _endpointsByClientToken?.ToImmutable() ?? before._endpointsByClientToken);

        private ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, string>>.Builder Tags => _tags ??= before.Tags.ToBuilder();

        private SubnetUse.Builder UseOf(string subnetId)
        {
            _subnetUse ??= new(StringComparer.Ordinal);
            if (!_subnetUse.TryGetValue(subnetId, out var use))
                _subnetUse[subnetId] = use = before._subnetUse.GetValueOrDefault(subnetId, SubnetUse.None).ToBuilder();
            return use;
        }

        private ImmutableDictionary<string, VpcEndpointUse>.Builder EndpointsByVpc => _endpointsByVpc ??= before._endpointsByVpc.ToBuilder();

        private ImmutableDictionary<string, string>.Builder EndpointsByClientToken => _endpointsByClientToken ??= before._endpointsByClientToken.ToBuilder();

        private object Table(ResourceKind kind) => _tables[kind.Index] ??= kind.ToBuilder(before._tables[kind.Index]);

        private void Put(Resource resource)
        {
            var kind = ResourceKinds.Of(resource);
            if (resource is NetworkInterface eni)
            {
                WithoutInterface(eni.Id);
                UseOf(eni.SubnetId).Add(eni);
            }
            if (resource is VpcEndpoint endpoint)
            {
                WithoutEndpoint(endpoint.Id);
                EndpointsByVpc[endpoint.VpcId] = EndpointsByVpc.GetValueOrDefault(endpoint.VpcId, VpcEndpointUse.None).With(endpoint);
                if (endpoint.ClientToken is { } token) EndpointsByClientToken[token] = endpoint.Id;
            }
            kind.Put(Table(kind), resource);
        }

        /// <summary>The resource and its tags are gone.</summary>
        private void Remove(string id)
        {
            var kind = ResourceKinds.Of(id) ?? throw new ArgumentException($"No resource kind for {id}", nameof(id));
            if (kind == ResourceKinds.NetworkInterface) WithoutInterface(id);
            if (kind == ResourceKinds.VpcEndpoint) WithoutEndpoint(id);
            kind.Remove(Table(kind), id);
            if (_tags is not null || before.Tags.ContainsKey(id)) Tags.Remove(id);
        }

        /// <summary>The subnet index without the interface <paramref name="id"/> (unchanged when it names none).</summary>
        private void WithoutInterface(string id)
        {
            if (ResourceKinds.NetworkInterface.Find(Table(ResourceKinds.NetworkInterface), id) is NetworkInterface existing)
                UseOf(existing.SubnetId).Remove(existing);
        }

        /// <summary>The endpoint indexes without the endpoint <paramref name="id"/> (unchanged when it names none).</summary>
        private void WithoutEndpoint(string id)
        {
            if (ResourceKinds.VpcEndpoint.Find(Table(ResourceKinds.VpcEndpoint), id) is not VpcEndpoint existing) return;
            if (EndpointsByVpc.TryGetValue(existing.VpcId, out var use)) EndpointsByVpc[existing.VpcId] = use.Without(existing);
            if (existing.ClientToken is { } token) EndpointsByClientToken.Remove(token);
        }
    }
}
