using LocalVpc.Core.Commands.Addresses;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>Elastic IP addresses.</summary>
public static class Addresses
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeAddresses.html.</summary>
    public static readonly FilterTable<Address> Filters = new(new()
    {
        ["allocation-id"] = (a, _) => [a.Id],
        ["association-id"] = (a, _) => [a.AssociationId],
        ["domain"] = (_, _) => ["vpc"],
        ["instance-id"] = (a, state) => [a.NetworkInterfaceId is { } id ? state.NetworkInterfaces.GetValueOrDefault(id)?.Attachment?.InstanceId : null],
        ["network-border-group"] = (_, state) => [state.Scope.Region],
        ["network-interface-id"] = (a, _) => [a.NetworkInterfaceId],
        ["network-interface-owner-id"] = (a, _) => [a.NetworkInterfaceId is null ? null : a.OwnerId],
        ["private-ip-address"] = (a, _) => [a.PrivateIpAddress],
        ["public-ip"] = (a, _) => [a.PublicIp],
    }, a => a.Id);

    public static async Task<ApiReply> Allocate(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("Address") || input.Has("PublicIpv4Pool") || input.Has("CustomerOwnedIpv4Pool") || input.Has("IpamPoolId"))
            return Ec2Errors.InvalidParameterValue("LocalVpc allocates Elastic IPs from its own pool (198.18.0.0/15); a chosen address or pool is not served.");
        var outcome = await call.ExecuteAsync(new AllocateAddress(input.String("Domain"), Binding.TagSpecifications(input)));
        if (outcome.Failed) return outcome.Error!;
        var address = outcome.State!.Addresses[outcome.Value!];
        return ApiReply.Ok(w =>
        {
            w.Element("publicIp", address.PublicIp);
            w.Element("domain", "vpc");
            w.Element("allocationId", address.Id);
            w.Element("publicIpv4Pool", "amazon");
            w.Element("networkBorderGroup", call.Scope.Region);
        });
    }

    public static async Task<ApiReply> Associate(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new AssociateAddress(input.String("AllocationId"), input.String("PublicIp"),
            input.String("InstanceId"), input.String("NetworkInterfaceId"), input.String("PrivateIpAddress"),
            input.Bool("AllowReassociation") ?? false));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w => w.Element("associationId", outcome.Value));
    }

    public static async Task<ApiReply> Disassociate(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DisassociateAddress(call.Input.String("AssociationId"), call.Input.String("PublicIp")));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> Release(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new ReleaseAddress(call.Input.String("AllocationId"), call.Input.String("PublicIp")));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        IEnumerable<Address> all = state.Addresses.Values;
        var publicIps = call.Input.Strings("PublicIps");
        if (publicIps.FirstOrDefault(ip => all.All(a => a.PublicIp != ip)) is { } unknown)
            return Ec2Errors.AddressNotFound(unknown);
        if (!publicIps.IsEmpty) all = all.Where(a => publicIps.Contains(a.PublicIp));
        if (Query.Run(call, state, all, a => a.Id, "AllocationIds", (string id, out Address a) => ResourceKinds.Address.Find(state, id, out a),
                Filters, out var page, out _) is { } error) return error;
        return ApiReply.Ok(w => w.List("addressesSet", page, (w, a) => AddressXml.Address(w, a, state)));
    }
}
