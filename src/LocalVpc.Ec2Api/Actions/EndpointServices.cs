using LocalVpc.Core.Commands.EndpointServices;
using LocalVpc.Core.Commands.VpcEndpoints;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>
/// The provider side of PrivateLink: endpoint service configurations, who may use them, and the endpoints
/// that connect to them from any account of the region.
/// </summary>
public static class EndpointServices
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointServiceConfigurations.html.</summary>
    public static readonly FilterTable<EndpointServiceConfiguration> Filters = new(new()
    {
        ["service-name"] = (c, _) => [c.ServiceName],
        ["service-id"] = (c, _) => [c.Id],
        ["service-state"] = (c, _) => [c.State],
        ["supported-ip-address-types"] = (c, _) => c.SupportedIpAddressTypes,
    }, c => c.Id);

    public static readonly FilterTable<ServicePermission> PermissionFilters = new(new()
    {
        ["principal"] = (p, _) => [p.Principal],
        ["principal-type"] = (p, _) => [p.PrincipalType],
    }, tagsId: null);

    /// <remarks>A connection is a consumer's endpoint to one of the caller's services, with the state its consumer sees now.</remarks>
    public static readonly FilterTable<EndpointConnection> ConnectionFilters = new(new()
    {
        ["ip-address-type"] = (c, _) => [c.Endpoint.IpAddressType],
        ["service-id"] = (c, _) => [c.Configuration.Id],
        ["vpc-endpoint-id"] = (c, _) => [c.Endpoint.Id],
        ["vpc-endpoint-owner"] = (c, _) => [c.Endpoint.OwnerId],
        ["vpc-endpoint-region"] = (c, _) => [c.Consumer.Scope.Region],
        ["vpc-endpoint-state"] = (c, _) => [c.State.ToWire()],
    }, tagsId: null);

    public static readonly FilterTable<ConnectionNotification> NotificationFilters = new(new()
    {
        ["connection-notification-arn"] = (n, _) => [n.TopicArn],
        ["connection-notification-id"] = (n, _) => [n.Id],
        ["connection-notification-state"] = (_, _) => ["Enabled"],
        ["connection-notification-type"] = (_, _) => ["Topic"],
        ["service-id"] = (n, _) => [n.ServiceId],
        ["vpc-endpoint-id"] = (n, _) => [n.VpcEndpointId],
    }, tagsId: null);

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("GatewayLoadBalancerArns")) return Ec2Errors.InvalidParameter("Gateway load balancer services are not served.");
        if (input.Has("SupportedRegions")) return Ec2Errors.InvalidParameter("Cross-region endpoint services are not served.");
        var outcome = await call.ExecuteAsync(new CreateEndpointServiceConfiguration(input.Strings("NetworkLoadBalancerArns"),
            input.Bool("AcceptanceRequired") ?? true, input.String("PrivateDnsName"), Binding.TagSpecifications(input), input.Strings("SupportedIpAddressTypes")));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w =>
        {
            w.Structure("serviceConfiguration", w => EndpointServiceConfigurationXml.ServiceConfiguration(w, state.EndpointServices[outcome.Value!], state));
            w.Element("clientToken", input.String("ClientToken"));
        });
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (Paging.CheckMaxResults(call.Input.Int("MaxResults"), 5, 1000) is { } invalid) return invalid;
        if (Query.Run(call, state, state.EndpointServices.Values, c => c.Id, "ServiceIds",
                (string id, out EndpointServiceConfiguration c) => ResourceKinds.EndpointService.Find(state, id, out c), Filters, out var page, out var next) is { } error)
            return error;
        return ApiReply.Ok(w =>
        {
            w.List("serviceConfigurationSet", page, (w, c) => EndpointServiceConfigurationXml.ServiceConfiguration(w, c, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> Modify(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("AddGatewayLoadBalancerArns") || input.Has("AddSupportedRegions"))
            return Ec2Errors.InvalidParameter("Gateway load balancers and supported regions are not served.");
        var outcome = await call.ExecuteAsync(new ModifyEndpointServiceConfiguration(input.String("ServiceId")!, input.Bool("AcceptanceRequired"),
            input.String("PrivateDnsName"), input.Bool("RemovePrivateDnsName") ?? false, input.Strings("AddNetworkLoadBalancerArns"),
            input.Strings("RemoveNetworkLoadBalancerArns"), input.Strings("AddSupportedIpAddressTypes"), input.Strings("RemoveSupportedIpAddressTypes")));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteEndpointServiceConfigurations(call.Input.Strings("ServiceIds")));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w => VpcEndpoints.WriteUnsuccessful(w, outcome.Value));
    }

    public static async Task<ApiReply> ModifyPermissions(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new ModifyServicePermissions(input.String("ServiceId")!, input.Strings("AddAllowedPrincipals"),
            input.Strings("RemoveAllowedPrincipals")));
        if (outcome.Failed) return outcome.Error!;
        var configuration = outcome.State!.EndpointServices[input.String("ServiceId")!];
        return ApiReply.Ok(w =>
        {
            w.List("addedPrincipalSet", outcome.Value, (w, p) => EndpointServiceConfigurationXml.AllowedPrincipal(w, p, configuration));
            w.Element("return", true);
        });
    }

    public static async Task<ApiReply> DescribePermissions(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (ResourceKinds.EndpointService.Find(state, call.Input.String("ServiceId")!, out var configuration) is { } error) return error;
        if (PermissionFilters.Apply(configuration.Permissions, call.Input.Structs("Filters"), state, out var matching) is { } filterError)
            return filterError;
        if (Paging.Page(matching, p => p.Id, call.Input.Int("MaxResults"), call.Input.String("NextToken"), out var page, out var next) is { } pageError)
            return pageError;
        return ApiReply.Ok(w =>
        {
            w.List("allowedPrincipals", page, (w, p) => EndpointServiceConfigurationXml.AllowedPrincipal(w, p, configuration));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> StartPrivateDnsVerification(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new StartPrivateDnsVerification(call.Input.String("ServiceId")!));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static Task<ApiReply> Accept(ApiCall call) => Answer(call, accept: true);

    public static Task<ApiReply> Reject(ApiCall call) => Answer(call, accept: false);

    public static async Task<ApiReply> DescribeConnections(ApiCall call)
    {
        if (Paging.CheckMaxResults(call.Input.Int("MaxResults"), 5, 1000) is { } invalid) return invalid;
        var region = await call.ReadRegionAsync();
        var state = region.Account(call.Scope.Account);
        var connections = EndpointServiceDirectory.ConnectionsTo(region, state, call.Now);
        if (ConnectionFilters.Apply(connections.OrderBy(c => c.Endpoint.Id, StringComparer.Ordinal), call.Input.Structs("Filters"), state,
                out var matching) is { } error) return error;
        if (Paging.Page(matching, c => c.Endpoint.Id, call.Input.Int("MaxResults"), call.Input.String("NextToken"), out var page, out var next) is { } pageError)
            return pageError;
        return ApiReply.Ok(w =>
        {
            w.List("vpcEndpointConnectionSet", page, (w, c) => EndpointServiceConfigurationXml.Connection(w, c.Configuration, c.Endpoint, c.Consumer, c.State));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> CreateNotification(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new PutConnectionNotification(null, input.String("ServiceId"), input.String("VpcEndpointId"),
            input.String("ConnectionNotificationArn"), input.Strings("ConnectionEvents")));
        if (outcome.Failed) return outcome.Error!;
        var notification = outcome.State!.ConnectionNotifications[outcome.Value!];
        return ApiReply.Ok(w =>
        {
            w.Structure("connectionNotification", w => Notification(w, notification, call.Scope.Region));
            w.Element("clientToken", input.String("ClientToken"));
        });
    }

    public static async Task<ApiReply> ModifyNotification(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new PutConnectionNotification(input.String("ConnectionNotificationId"), null, null,
            input.String("ConnectionNotificationArn"), input.Strings("ConnectionEvents")));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> DescribeNotifications(ApiCall call)
    {
        var state = await call.ReadAsync();
        IEnumerable<ConnectionNotification> all = state.ConnectionNotifications.Values;
        if (call.Input.String("ConnectionNotificationId") is { } id)
        {
            if (!state.ConnectionNotifications.ContainsKey(id))
                return new AwsError("InvalidConnectionNotification", $"The connection notification '{id}' does not exist");
            all = all.Where(n => n.Id == id);
        }
        if (NotificationFilters.Apply(all, call.Input.Structs("Filters"), state, out var matching) is { } error) return error;
        if (Paging.Page(matching, n => n.Id, call.Input.Int("MaxResults"), call.Input.String("NextToken"), out var page, out var next) is { } pageError)
            return pageError;
        return ApiReply.Ok(w =>
        {
            w.List("connectionNotificationSet", page, (w, n) => Notification(w, n, call.Scope.Region));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> DeleteNotifications(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteConnectionNotifications(call.Input.Strings("ConnectionNotificationIds")));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w => VpcEndpoints.WriteUnsuccessful(w, outcome.Value));
    }

    private static void Notification(XmlWriter w, ConnectionNotification notification, string region)
    {
        w.Element("connectionNotificationId", notification.Id);
        w.Element("serviceId", notification.ServiceId);
        w.Element("vpcEndpointId", notification.VpcEndpointId);
        w.Element("connectionNotificationType", "Topic");
        w.Element("connectionNotificationArn", notification.TopicArn);
        w.StringList("connectionEvents", notification.Events);
        w.Element("connectionNotificationState", "Enabled");
        w.Element("serviceRegion", region);
    }

    /// <summary>Accept or reject endpoints in their consumers' accounts, all in one command; what cannot be answered comes back in Unsuccessful.</summary>
    private static async Task<ApiReply> Answer(ApiCall call, bool accept)
    {
        var outcome = await call.ExecuteAsync(new AnswerEndpointConnections(call.Input.String("ServiceId")!, call.Input.Strings("VpcEndpointIds"), accept));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w => VpcEndpoints.WriteUnsuccessful(w, outcome.Value));
    }
}
