namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes Elastic Load Balancing v2 shapes (query protocol: element names are member names, list items are <c>member</c>).</summary>
public static class LoadBalancingXml
{
    /// <summary>The hosted zone of network load balancers' DNS names in us-east-1 (AWS general reference); other regions get a stable made-up id.</summary>
    public static string CanonicalHostedZoneId(string region) =>
        region == "us-east-1" ? "Z26RNL4JYFTOTI" : ServiceCatalog.HostedZoneId($"nlb:{region}");

    public static void LoadBalancer(XmlWriter w, LoadBalancer balancer, AccountState state)
    {
        w.Element("LoadBalancerArn", balancer.Arn);
        w.Element("DNSName", balancer.DnsName);
        w.Element("CanonicalHostedZoneId", CanonicalHostedZoneId(state.Scope.Region));
        w.Element("CreatedTime", balancer.CreatedTime);
        w.Element("LoadBalancerName", balancer.Name);
        w.Element("Scheme", balancer.Scheme);
        w.Element("VpcId", balancer.VpcId);
        w.Structure("State", w => w.Element("Code", "active"));
        w.Element("Type", "network");
        w.MemberList("AvailabilityZones", balancer.SubnetIds.Select((id, i) => (Subnet: state.Subnets.GetValueOrDefault(id), Eni: balancer.NetworkInterfaceIds[i])), (w, z) =>
        {
            w.Element("ZoneName", z.Subnet?.AvailabilityZone);
            w.Element("SubnetId", z.Subnet?.Id);
            w.MemberList("LoadBalancerAddresses", state.NetworkInterfaces.TryGetValue(z.Eni, out var eni) ? [eni] : Array.Empty<NetworkInterface>(),
                (w, n) =>
                {
                    w.Element("PrivateIPv4Address", n.PrivateIpAddress);
                    w.Element("IPv6Address", n.Ipv6Address);
                });
        });
        w.MemberList("SecurityGroups", balancer.SecurityGroupIds, (w, id) => w.WriteString(id));
        w.Element("IpAddressType", balancer.IpAddressType);
    }

    public static void TargetGroup(XmlWriter w, TargetGroup group, AccountState state)
    {
        w.Element("TargetGroupArn", group.Arn);
        w.Element("TargetGroupName", group.Name);
        w.Element("Protocol", group.Protocol);
        w.Element("Port", group.Port);
        w.Element("VpcId", group.VpcId);
        w.Element("HealthCheckProtocol", "TCP");
        w.Element("HealthCheckPort", group.Health.Port);
        w.Element("HealthCheckEnabled", group.Health.Enabled);
        w.Element("HealthCheckIntervalSeconds", group.Health.IntervalSeconds);
        w.Element("HealthCheckTimeoutSeconds", group.Health.TimeoutSeconds);
        w.Element("HealthyThresholdCount", group.Health.HealthyThreshold);
        w.Element("UnhealthyThresholdCount", group.Health.UnhealthyThreshold);
        w.MemberList("LoadBalancerArns", LoadBalancersOf(group, state), (w, arn) => w.WriteString(arn));
        w.Element("TargetType", group.TargetType);
        w.Element("IpAddressType", "ipv4");
    }

    public static void Listener(XmlWriter w, Listener listener)
    {
        w.Element("ListenerArn", listener.Arn);
        w.Element("LoadBalancerArn", listener.LoadBalancerArn);
        w.Element("Port", listener.Port);
        w.Element("Protocol", listener.Protocol);
        w.MemberList("DefaultActions", [listener], (w, l) =>
        {
            w.Element("Type", "forward");
            w.Element("TargetGroupArn", l.TargetGroupArn);
            w.Structure("ForwardConfig", w => w.MemberList("TargetGroups", [l], (w, l) =>
            {
                w.Element("TargetGroupArn", l.TargetGroupArn);
                w.Element("Weight", 1);
            }));
        });
    }

    /// <summary>
    /// A target's health with AWS's states and reasons: unused while no listener forwards to its group, unhealthy while its
    /// instance is not running, unavailable with health checks off, else what the health checks found.
    /// </summary>
    public static void TargetHealth(XmlWriter w, LoadBalancerTarget target, TargetGroup group, AccountState state, ITargetHealth checks)
    {
        var inUse = LoadBalancersOf(group, state).Any();
        var running = group.TargetType != "instance" || (state.Instances.TryGetValue(target.Id, out var instance) && instance.IsRunning);
        var (health, reason, description) =
            !inUse ? ("unused", "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer")
            : !running ? ("unhealthy", "Target.InvalidState", "Target is in the stopped state")
            : !group.Health.Enabled ? ("unavailable", "Target.HealthCheckDisabled", "Health checks disabled")
            : checks.Of(group.Arn, target) switch
            {
                TargetHealthState.Healthy => ("healthy", (string?)null, (string?)null),
                TargetHealthState.Unhealthy => ("unhealthy", "Target.FailedHealthChecks", "Health checks failed"),
                _ => ("initial", "Elb.InitialHealthChecking", "Initial health checks in progress"),
            };
        w.Structure("Target", w =>
        {
            w.Element("Id", target.Id);
            w.Element("Port", target.Port);
        });
        w.Element("HealthCheckPort", group.Health.PortFor(target).ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.Structure("TargetHealth", w =>
        {
            w.Element("State", health);
            w.Element("Reason", reason);
            w.Element("Description", description);
        });
    }

    public static void TagDescription(XmlWriter w, string arn, AccountState state)
    {
        w.Element("ResourceArn", arn);
        w.MemberList("Tags", state.TagsOf(arn), (w, t) =>
        {
            w.Element("Key", t.Key);
            w.Element("Value", t.Value);
        });
    }

    private static IEnumerable<string> LoadBalancersOf(TargetGroup group, AccountState state) =>
        state.Listeners.Values.Where(l => l.TargetGroupArn == group.Arn).Select(l => l.LoadBalancerArn).Distinct();
}
