using LocalVpc.Core.Commands.LoadBalancing;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>The Elastic Load Balancing v2 actions an endpoint service needs: network load balancers, target groups, listeners, tags.</summary>
public static class LoadBalancing
{
    public static async Task<ApiReply> CreateLoadBalancer(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("SubnetMappings") || input.Has("CustomerOwnedIpv4Pool") || input.Has("IpamPools"))
            return ElbErrors.Validation("LocalVpc creates load balancers from Subnets; SubnetMappings and address pools are not served.");
        var outcome = await call.ExecuteAsync(new CreateLoadBalancer(input.String("Name")!, input.String("Type"), input.String("Scheme"),
            input.Strings("Subnets"), input.Strings("SecurityGroups"), Tags(input), input.String("IpAddressType")));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w => w.MemberList("LoadBalancers", [state.LoadBalancers[outcome.Value!]], (w, l) => LoadBalancingXml.LoadBalancer(w, l, state)));
    }

    public static async Task<ApiReply> SetIpAddressType(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new SetIpAddressType(call.Input.String("LoadBalancerArn")!, call.Input.String("IpAddressType")!));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(w => w.Element("IpAddressType", outcome.Value));
    }

    public static async Task<ApiReply> DescribeLoadBalancers(ApiCall call)
    {
        var state = await call.ReadAsync();
        var arns = call.Input.Strings("LoadBalancerArns");
        var names = call.Input.Strings("Names");
        if (arns.FirstOrDefault(a => !state.LoadBalancers.ContainsKey(a)) is { } missingArn) return ElbErrors.LoadBalancerNotFound(missingArn);
        if (names.FirstOrDefault(n => state.LoadBalancers.Values.All(l => l.Name != n)) is { } missingName)
            return ElbErrors.LoadBalancerNotFound(missingName);
        var all = state.LoadBalancers.Values.Where(l => (arns.IsEmpty || arns.Contains(l.Arn)) && (names.IsEmpty || names.Contains(l.Name)));
        return Page(call, all, l => l.Arn, "LoadBalancers", (w, l) => LoadBalancingXml.LoadBalancer(w, l, state));
    }

    public static async Task<ApiReply> DeleteLoadBalancer(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteLoadBalancer(call.Input.String("LoadBalancerArn")!));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(_ => { });
    }

    public static async Task<ApiReply> CreateTargetGroup(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new CreateTargetGroup(input.String("Name")!, input.String("Protocol"), input.Int("Port"),
            input.String("VpcId"), input.String("TargetType"), Tags(input), HealthCheck(input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w => w.MemberList("TargetGroups", [state.TargetGroups[outcome.Value!]], (w, g) => LoadBalancingXml.TargetGroup(w, g, state)));
    }

    public static async Task<ApiReply> ModifyTargetGroup(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new ModifyTargetGroup(call.Input.String("TargetGroupArn")!, HealthCheck(call.Input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w => w.MemberList("TargetGroups", [state.TargetGroups[outcome.Value!]], (w, g) => LoadBalancingXml.TargetGroup(w, g, state)));
    }

    /// <summary>The health-check members CreateTargetGroup and ModifyTargetGroup share (HTTP paths and matchers have no TCP meaning).</summary>
    private static HealthCheckSpec HealthCheck(Input input) => new(input.Bool("HealthCheckEnabled"), input.Int("HealthCheckIntervalSeconds"),
        input.Int("HealthCheckTimeoutSeconds"), input.Int("HealthyThresholdCount"), input.Int("UnhealthyThresholdCount"), input.String("HealthCheckPort"),
        input.String("HealthCheckProtocol"));

    public static async Task<ApiReply> DescribeTargetGroups(ApiCall call)
    {
        var state = await call.ReadAsync();
        var arns = call.Input.Strings("TargetGroupArns");
        var names = call.Input.Strings("Names");
        var balancer = call.Input.String("LoadBalancerArn");
        if (arns.FirstOrDefault(a => !state.TargetGroups.ContainsKey(a)) is { } missingArn) return ElbErrors.TargetGroupNotFound(missingArn);
        if (names.FirstOrDefault(n => state.TargetGroups.Values.All(g => g.Name != n)) is { } missingName) return ElbErrors.TargetGroupNotFound(missingName);
        if (balancer is not null && !state.LoadBalancers.ContainsKey(balancer)) return ElbErrors.LoadBalancerNotFound(balancer);
        var all = state.TargetGroups.Values.Where(g => (arns.IsEmpty || arns.Contains(g.Arn)) && (names.IsEmpty || names.Contains(g.Name)) &&
            (balancer is null || state.Listeners.Values.Any(l => l.LoadBalancerArn == balancer && l.TargetGroupArn == g.Arn)));
        return Page(call, all, g => g.Arn, "TargetGroups", (w, g) => LoadBalancingXml.TargetGroup(w, g, state));
    }

    public static async Task<ApiReply> DeleteTargetGroup(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteTargetGroup(call.Input.String("TargetGroupArn")!));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(_ => { });
    }

    public static Task<ApiReply> RegisterTargets(ApiCall call) => ChangeTargets(call, register: true);

    public static Task<ApiReply> DeregisterTargets(ApiCall call) => ChangeTargets(call, register: false);

    public static async Task<ApiReply> DescribeTargetHealth(ApiCall call)
    {
        var state = await call.ReadAsync();
        var arn = call.Input.String("TargetGroupArn")!;
        if (!state.TargetGroups.TryGetValue(arn, out var group)) return ElbErrors.TargetGroupNotFound(arn);
        var asked = Targets(call.Input, group.Port);
        if (asked.FirstOrDefault(t => !group.Targets.Contains(t)) is { } unknown)
            return ElbErrors.InvalidTarget($"The target '{unknown.Id}' on port {unknown.Port} is not registered in the target group");
        var targets = asked.IsEmpty ? group.Targets : asked;
        var health = call.Options.TargetHealth;
        return ApiReply.Ok(w => w.MemberList("TargetHealthDescriptions", targets, (w, t) => LoadBalancingXml.TargetHealth(w, t, group, state, health)));
    }

    public static async Task<ApiReply> CreateListener(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("Certificates") || input.Has("SslPolicy") || input.Has("AlpnPolicy"))
            return ElbErrors.Validation("TLS termination at the load balancer is not served; use TCP listeners.");
        var actions = input.Structs("DefaultActions");
        if (actions.Count != 1) return ElbErrors.Validation("LocalVpc serves listeners with exactly one default action.");
        var outcome = await call.ExecuteAsync(new CreateListener(input.String("LoadBalancerArn")!, input.String("Protocol"), input.Int("Port"),
            actions[0].String("Type"), actions[0].String("TargetGroupArn"), Tags(input)));
        if (outcome.Failed) return outcome.Error!;
        var listener = outcome.State!.Listeners[outcome.Value!];
        return ApiReply.Ok(w => w.MemberList("Listeners", [listener], LoadBalancingXml.Listener));
    }

    public static async Task<ApiReply> DescribeListeners(ApiCall call)
    {
        var state = await call.ReadAsync();
        var arns = call.Input.Strings("ListenerArns");
        var balancer = call.Input.String("LoadBalancerArn");
        if (arns.IsEmpty && balancer is null) return ElbErrors.Validation("You must specify either listener ARNs or a load balancer ARN");
        if (arns.FirstOrDefault(a => !state.Listeners.ContainsKey(a)) is { } missing) return ElbErrors.ListenerNotFound(missing);
        if (balancer is not null && !state.LoadBalancers.ContainsKey(balancer)) return ElbErrors.LoadBalancerNotFound(balancer);
        var all = state.Listeners.Values.Where(l => (arns.IsEmpty || arns.Contains(l.Arn)) && (balancer is null || l.LoadBalancerArn == balancer));
        return Page(call, all, l => l.Arn, "Listeners", LoadBalancingXml.Listener);
    }

    public static async Task<ApiReply> ModifyListener(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("Certificates") || input.Has("SslPolicy") || input.Has("AlpnPolicy"))
            return ElbErrors.Validation("TLS termination at the load balancer is not served; use TCP listeners.");
        var actions = input.Structs("DefaultActions");
        if (actions.Count > 1) return ElbErrors.Validation("LocalVpc serves listeners with exactly one default action.");
        var action = actions.FirstOrDefault();
        var outcome = await call.ExecuteAsync(new ModifyListener(input.String("ListenerArn")!, input.String("Protocol"), input.Int("Port"),
            action?.String("Type"), action?.String("TargetGroupArn")));
        if (outcome.Failed) return outcome.Error!;
        var listener = outcome.State!.Listeners[outcome.Value!];
        return ApiReply.Ok(w => w.MemberList("Listeners", [listener], LoadBalancingXml.Listener));
    }

    public static async Task<ApiReply> DeleteListener(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteListener(call.Input.String("ListenerArn")!));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(_ => { });
    }

    public static async Task<ApiReply> AddTags(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new ChangeElbTags(call.Input.Strings("ResourceArns"), Tags(call.Input), []));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(_ => { });
    }

    public static async Task<ApiReply> RemoveTags(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new ChangeElbTags(call.Input.Strings("ResourceArns"), [], call.Input.Strings("TagKeys")));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(_ => { });
    }

    public static async Task<ApiReply> DescribeTags(ApiCall call)
    {
        var state = await call.ReadAsync();
        var arns = call.Input.Strings("ResourceArns");
        if (arns.FirstOrDefault(a => state.Find(a) is null) is { } missing) return ElbErrors.NotFound(missing);
        return ApiReply.Ok(w => w.MemberList("TagDescriptions", arns, (w, arn) => LoadBalancingXml.TagDescription(w, arn, state)));
    }

    private static async Task<ApiReply> ChangeTargets(ApiCall call, bool register)
    {
        var arn = call.Input.String("TargetGroupArn")!;
        var outcome = await call.ExecuteAsync(new ChangeTargets(arn, Targets(call.Input, 0), register));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(_ => { });
    }

    /// <summary>Targets as given (<c>Targets.member.N.Id</c>, <c>.Port</c>); a missing port is the default given.</summary>
    private static ImmutableArray<LoadBalancerTarget> Targets(Input input, int defaultPort) =>
        [.. input.Structs("Targets").Select(t => new LoadBalancerTarget(t.String("Id")!, t.Int("Port") ?? defaultPort))];

    private static ImmutableArray<KeyValuePair<string, string>> Tags(Input input) =>
        [.. input.Structs("Tags").Select(t => KeyValuePair.Create(t.String("Key")!, t.String("Value") ?? ""))];

    /// <summary>Marker/PageSize paging (PageSize 1 to 400) over items sorted by ARN.</summary>
    private static ApiReply Page<T>(ApiCall call, IEnumerable<T> all, Func<T, string> arnOf, string listName, Action<XmlWriter, T> item)
    {
        var size = call.Input.Int("PageSize");
        if (size is < 1 or > 400) return ElbErrors.Validation($"Page size {size} is not between 1 and 400");
        if (Paging.Page(all.OrderBy(arnOf, StringComparer.Ordinal), arnOf, size, call.Input.String("Marker"), out var page, out var next) is { } error)
            return ElbErrors.Validation($"Invalid marker: {error.Message}");
        return ApiReply.Ok(w =>
        {
            w.MemberList(listName, page, item);
            w.Element("NextMarker", next);
        });
    }
}
