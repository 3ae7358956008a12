using LocalVpc.Core.Resources;
using LocalVpc.Core.Naming;
using LocalVpc.Core.State;
using LocalVpc.Network;

namespace LocalVpc.Status;

/// <summary>Reads the state and the data plane's listeners into a <see cref="StatusReport"/>.</summary>
internal static class StatusBuilder
{
    /// <param name="regions">Every region's snapshot (an endpoint service's connections come from any account).</param>
    /// <param name="shown">Whether an account's state is shown (the caller's only, under <c>--auth sigv4</c>).</param>
    public static StatusReport Build(IEnumerable<RegionSnapshot> regions, Func<string, bool> shown, DataPlane plane, string apiUrl, DateTimeOffset now)
    {
        var options = plane.Options;
        var accounts = regions.SelectMany(region => region.Accounts.Values.Where(a => a.Initialized && shown(a.Scope.Account)).Select(a => (Region: region, State: a)))
            .GroupBy(r => r.State.Scope.Account).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AccountStatus(g.Key, [.. g.OrderBy(r => r.State.Scope.Region, StringComparer.Ordinal).Select(r => Region(r.Region, r.State, plane, now))]))
            .ToList();
        return new StatusReport(apiUrl, plane.Authority.CertificatePath, options.InternetAllowed ? "allow" : "deny",
            options.Deny.ToString().ToLowerInvariant(), options.Offline,
            new SortedDictionary<string, string>(options.Services.ToDictionary(s => s.Key, s => s.Value.ToString()), StringComparer.Ordinal), accounts);
    }

    private static RegionStatus Region(RegionSnapshot region, AccountState state, DataPlane plane, DateTimeOffset now) => new(state.Scope.Region,
        [.. state.Vpcs.Values.OrderBy(v => v.IsDefault ? 0 : 1).ThenBy(v => v.Id, StringComparer.Ordinal).Select(v => Vpc(state, v, plane, now))],
        [.. state.EndpointServices.Values.OrderBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new EndpointServiceStatus(s.Id, s.ServiceName, s.AcceptanceRequired, [.. s.NetworkLoadBalancerArns],
                [.. region.Accounts.Values.SelectMany(a => a.VpcEndpoints.Values).Where(e => e.ServiceName == s.ServiceName)
                    .OrderBy(e => e.OwnerId, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal)
                    .Select(e => new ConnectionStatus(e.Id, e.OwnerId, e.StateAt(now).ToWire()))]))]);

    private static VpcStatus Vpc(AccountState state, Vpc vpc, DataPlane plane, DateTimeOffset now)
    {
        var scope = state.Scope;
        return new VpcStatus(vpc.Id, vpc.CidrBlock, vpc.IsDefault, Name(state, vpc.Id), vpc.EnableDnsSupport, vpc.EnableDnsHostnames,
            Address(plane.ResolverOf(scope, vpc.Id)),
            [.. state.Subnets.Values.Where(s => s.VpcId == vpc.Id).OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).ThenBy(s => s.CidrBlock, StringComparer.Ordinal)
                .Select(s => new SubnetStatus(s.Id, s.CidrBlock, s.AvailabilityZone, Name(state, s.Id),
                    [.. state.NetworkInterfaces.Values.Where(n => n.SubnetId == s.Id).OrderBy(n => n.PrivateIpAddress ?? n.Ipv6Address, StringComparer.Ordinal)
                        .Select(n => Interface(state, n, plane, now))], s.Ipv6CidrAssociation?.Ipv6CidrBlock))],
            [.. state.Instances.Values.Where(i => i.VpcId == vpc.Id && !i.IsTerminated).OrderBy(i => i.Id, StringComparer.Ordinal)
                .Select(i => new InstanceStatus(i.Id, i.State, state.NetworkInterfaces.TryGetValue(i.PrimaryNetworkInterfaceId, out var eni) ? eni.PrivateIpAddress : "",
                    i.SubnetId, Name(state, i.Id), eni is null ? [] : [.. eni.GroupIds], Address(plane.ProxyOf(scope, i.Id)), eni?.Ipv6Address))],
            [.. state.VpcEndpoints.Values.Where(e => e.VpcId == vpc.Id).OrderBy(e => e.Id, StringComparer.Ordinal)
                .Select(e => new EndpointStatus(e.Id, e.ServiceName, e.Type, e.StateAt(now).ToWire(), e.PrivateDnsEnabled,
                    [.. EndpointDns.Entries(state, e).Select(d => d.DnsName)], [.. e.GroupIds], [.. e.NetworkInterfaceIds], [.. e.RouteTableIds], [.. e.SubnetIds]))],
            [.. state.RouteTablesOf(vpc.Id).OrderBy(t => t.IsMain ? 0 : 1).ThenBy(t => t.Id, StringComparer.Ordinal)
                .Select(t => new RouteTableStatus(t.Id, t.IsMain, Name(state, t.Id), [.. t.Associations.Select(a => a.SubnetId).OfType<string>()],
                    [.. t.Routes.Select(r => new RouteStatus(r.Destination, r.Target.ToString(), state.RouteState(t, r)))]))],
            Gateways(state, vpc.Id),
            [.. state.SecurityGroupsOf(vpc.Id).OrderBy(g => g.IsDefault ? 0 : 1).ThenBy(g => g.Name, StringComparer.Ordinal)
                .Select(g => new SecurityGroupStatus(g.Id, g.Name, g.Description, [.. g.Ingress.Select(Rule)], [.. g.Egress.Select(Rule)]))],
            vpc.Ipv6CidrAssociations.FirstOrDefault()?.Ipv6CidrBlock);
    }

    private static List<GatewayStatus> Gateways(AccountState state, string vpcId) =>
    [
        .. state.InternetGateways.Values.Where(g => g.VpcId == vpcId).Select(g => new GatewayStatus(g.Id, "internet-gateway", "attached", null, Name(state, g.Id))),
        .. state.Table(ResourceKinds.EgressOnlyInternetGateway).Values.Where(g => g.VpcId == vpcId)
            .Select(g => new GatewayStatus(g.Id, "egress-only-internet-gateway", "attached", null, Name(state, g.Id))),
        .. state.NatGateways.Values.Where(g => g.VpcId == vpcId && !g.IsGone).Select(g => new GatewayStatus(g.Id, "nat-gateway", g.State, g.SubnetId, Name(state, g.Id))),
        .. state.Table(ResourceKinds.VpnGateway).Values.Where(g => g.VpcId == vpcId).Select(g => new GatewayStatus(g.Id, "vpn-gateway", "attached", null, Name(state, g.Id))),
    ];

    private static RuleStatus Rule(SecurityGroupRule rule) => new(rule.IpProtocol, rule.FromPort, rule.ToPort, rule.Peer.ToString(), rule.Description);

    private static InterfaceStatus Interface(AccountState state, NetworkInterface eni, DataPlane plane, DateTimeOffset now)
    {
        string kind = "interface";
        string? owner = null, ownerState = null, proxy = null;
        if (eni.Attachment?.InstanceId is { } instanceId && state.Instances.TryGetValue(instanceId, out var instance))
            (kind, owner, ownerState, proxy) = ("instance", instance.Id, instance.State, Address(plane.ProxyOf(state.Scope, instance.Id)));
        else if (state.VpcEndpoints.Values.FirstOrDefault(e => e.NetworkInterfaceIds.Contains(eni.Id)) is { } endpoint)
            (kind, owner, ownerState) = ("vpc-endpoint", endpoint.Id, endpoint.StateAt(now).ToWire());
        else if (state.LoadBalancers.Values.FirstOrDefault(l => l.NetworkInterfaceIds.Contains(eni.Id)) is { } balancer)
            (kind, owner) = ("load-balancer", balancer.Name);
        else if (state.NatGateways.Values.FirstOrDefault(g => g.NetworkInterfaceId == eni.Id) is { } nat)
            (kind, owner, ownerState) = ("nat-gateway", nat.Id, nat.State);
        return new InterfaceStatus(eni.Id, eni.PrivateIpAddress, state.PublicIpOf(eni, eni.PrivateIpAddress)?.PublicIp, [.. eni.GroupIds], kind, owner, ownerState, proxy,
            eni.Ipv6Addresses.IsEmpty ? null : [.. eni.Ipv6Addresses]);
    }

    private static string? Name(AccountState state, string id) => state.TagsOf(id).GetValueOrDefault("Name");

    private static string? Address(System.Net.IPEndPoint? endPoint) => endPoint?.ToString();
}
