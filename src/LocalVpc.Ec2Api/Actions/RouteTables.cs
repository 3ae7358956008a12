namespace LocalVpc.Ec2Api.Actions;

/// <summary>DescribeRouteTables. The rest of the route table API comes with the routing issue.</summary>
public static class RouteTables
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRouteTables.html.</summary>
    public static readonly FilterTable<RouteTable> Filters = new(new()
    {
        ["association.gateway-id"] = (_, _) => [],
        ["association.route-table-association-id"] = (t, _) => t.Associations.Select(a => a.Id),
        ["association.route-table-id"] = (t, _) => t.Associations.Select(_ => t.Id),
        ["association.subnet-id"] = (t, _) => t.Associations.Select(a => a.SubnetId),
        ["association.main"] = (t, _) => t.Associations.Select(a => Binding.Text(a.Main)),
        ["owner-id"] = (t, _) => [t.OwnerId],
        ["route-table-id"] = (t, _) => [t.Id],
        ["route.destination-cidr-block"] = (t, _) => t.Routes.Select(r => r.DestinationCidrBlock),
        ["route.gateway-id"] = (t, _) => t.Routes.Select(r => r.GatewayId),
        ["route.origin"] = (t, _) => t.Routes.Select(r => r.Origin),
        ["route.state"] = (t, _) => t.Routes.Select(r => r.State),
        ["vpc-id"] = (t, _) => [t.VpcId],
    }, t => t.Id);

    public static async Task<Ec2Reply> Describe(Ec2Call call)
    {
        var state = await call.ReadAsync();
        if (Query.Run(call, state, state.RouteTables.Values, t => t.Id, "RouteTableIds", (string id, out RouteTable t) => Lookup.RouteTable(state, id, out t), Filters,
                out var page, out var next) is { } error) return error;
        return Ec2Reply.Ok(w =>
        {
            w.List("routeTableSet", page, (w, t) => RouteTableXml.RouteTable(w, t, state));
            w.Element("nextToken", next);
        });
    }
}
