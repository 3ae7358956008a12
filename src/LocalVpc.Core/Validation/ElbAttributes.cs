namespace LocalVpc.Core.Validation;

/// <summary>
/// The attributes of network load balancers, their target groups and listeners: AWS's defaults, and the keys each takes.
/// A resource stores only what was changed; what a Describe shows is the defaults with those changes on top.
/// </summary>
/// <remarks>
/// Defaults from the Elastic Load Balancing user guide for Network Load Balancers (load balancer, target group and
/// listener attributes). The preserve-client-IP default depends on the target group: off for ip targets over TCP or
/// TLS, on otherwise.
/// </remarks>
public static class ElbAttributes
{
    private static readonly ImmutableSortedDictionary<string, string> LoadBalancerDefaults = Sorted(new()
    {
        ["access_logs.s3.enabled"] = "false",
        ["access_logs.s3.bucket"] = "",
        ["access_logs.s3.prefix"] = "",
        ["deletion_protection.enabled"] = "false",
        ["load_balancing.cross_zone.enabled"] = "false",
        ["dns_record.client_routing_policy"] = "any_availability_zone",
        ["zonal_shift.config.enabled"] = "false",
    });

    private static readonly ImmutableSortedDictionary<string, string> TargetGroupDefaults = Sorted(new()
    {
        ["deregistration_delay.timeout_seconds"] = "300",
        ["deregistration_delay.connection_termination.enabled"] = "false",
        ["preserve_client_ip.enabled"] = "true",
        ["proxy_protocol_v2.enabled"] = "false",
        ["stickiness.enabled"] = "false",
        ["stickiness.type"] = "source_ip",
        ["load_balancing.cross_zone.enabled"] = "use_load_balancer_configuration",
        ["target_health_state.unhealthy.connection_termination.enabled"] = "true",
        ["target_health_state.unhealthy.draining_interval_seconds"] = "0",
        ["target_group_health.dns_failover.minimum_healthy_targets.count"] = "1",
        ["target_group_health.dns_failover.minimum_healthy_targets.percentage"] = "off",
        ["target_group_health.unhealthy_state_routing.minimum_healthy_targets.count"] = "1",
        ["target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage"] = "off",
    });

    private static readonly ImmutableSortedDictionary<string, string> ListenerDefaults = Sorted(new()
    {
        ["tcp.idle_timeout.seconds"] = "350",
    });

    /// <summary>What Describe shows: the kind's defaults with the stored changes on top; null for a resource without attributes.</summary>
    public static ImmutableSortedDictionary<string, string>? Of(Resource? resource) =>
        resource is LoadBalancer or TargetGroup or Listener ? Merged(Defaults(resource), Stored(resource)) : null;

    /// <summary>The resource with <paramref name="changes"/> stored on top of what it had.</summary>
    public static Resource With(Resource resource, IEnumerable<KeyValuePair<string, string>> changes)
    {
        var stored = (Stored(resource) ?? ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal)).SetItems(changes);
        return resource switch
        {
            LoadBalancer b => b with { Attributes = stored },
            TargetGroup g => g with { Attributes = stored },
            Listener l => l with { Attributes = stored },
            _ => throw new ArgumentException($"{resource.Id} has no attributes", nameof(resource)),
        };
    }

    /// <summary>The keys of a resource's kind with their defaults, for checking a change.</summary>
    private static ImmutableSortedDictionary<string, string> Defaults(Resource resource) => resource switch
    {
        LoadBalancer => LoadBalancerDefaults,
        TargetGroup group => TargetGroupDefaults.SetItem("preserve_client_ip.enabled",
            group.TargetType == "ip" && group.Protocol is "TCP" or "TLS" ? "false" : "true"),
        Listener => ListenerDefaults,
        _ => throw new ArgumentException($"{resource.Id} has no attributes", nameof(resource)),
    };

    private static ImmutableSortedDictionary<string, string>? Stored(Resource resource) => resource switch
    {
        LoadBalancer b => b.Attributes,
        TargetGroup g => g.Attributes,
        Listener l => l.Attributes,
        _ => null,
    };

    /// <summary>
    /// AWS's error for a change it would refuse: an unknown key (the message Terraform's provider recognises), or a value
    /// of the wrong form for a key whose default is a boolean or a number.
    /// </summary>
    public static AwsError? Check(Resource resource, IEnumerable<KeyValuePair<string, string>> changes)
    {
        var what = resource switch { LoadBalancer => "Load balancer", TargetGroup => "Target group", _ => "Listener" };
        var defaults = Defaults(resource);
        foreach (var (key, value) in changes)
        {
            if (!defaults.TryGetValue(key, out var current))
                return ElbErrors.Validation($"{what} attribute key '{key}' is not recognized");
            if (current is "true" or "false" && value is not ("true" or "false"))
                return ElbErrors.Validation($"{what} attribute '{key}' must be true or false, not '{value}'");
            if (int.TryParse(current, out _) && !int.TryParse(value, out _))
                return ElbErrors.Validation($"{what} attribute '{key}' must be a number, not '{value}'");
        }
        return null;
    }

    private static ImmutableSortedDictionary<string, string> Merged(ImmutableSortedDictionary<string, string> defaults,
        ImmutableSortedDictionary<string, string>? changed) => changed is null ? defaults : defaults.SetItems(changed);

    private static ImmutableSortedDictionary<string, string> Sorted(Dictionary<string, string> values) =>
        values.ToImmutableSortedDictionary(StringComparer.Ordinal);
}
