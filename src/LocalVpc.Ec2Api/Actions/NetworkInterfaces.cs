using LocalVpc.Core.Commands.NetworkInterfaces;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>Network interfaces.</summary>
public static class NetworkInterfaces
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkInterfaces.html.</summary>
    public static readonly FilterTable<NetworkInterface> Filters = new(new()
    {
        ["addresses.private-ip-address"] = (n, _) => n.PrivateIpAddresses,
        ["addresses.primary"] = (n, _) => n.PrivateIpAddresses.Select(ip => Binding.Text(ip == n.PrivateIpAddress)),
        ["association.public-ip"] = (n, _) => [n.PublicIp],
        ["attachment.attachment-id"] = (n, _) => [n.ShownAttachment?.Id],
        ["attachment.instance-id"] = (n, _) => [n.ShownAttachment?.InstanceId],
        ["attachment.instance-owner-id"] = (n, _) => [n.ShownAttachment is null ? null : n.OwnerId],
        ["attachment.device-index"] = (n, _) => [n.ShownAttachment?.DeviceIndex.ToString()],
        ["attachment.status"] = (n, _) => [n.AttachmentStatus],
        ["attachment.delete-on-termination"] = (n, _) => [n.ShownAttachment is { } a ? Binding.Text(a.DeleteOnTermination) : null],
        ["availability-zone"] = (n, _) => [n.AvailabilityZone],
        ["description"] = (n, _) => [n.Description],
        ["group-id"] = (n, _) => n.GroupIds,
        ["group-name"] = (n, state) => n.GroupIds.Select(g => state.SecurityGroups.GetValueOrDefault(g)?.Name),
        ["interface-type"] = (n, _) => [n.InterfaceType],
        ["ipv6-address"] = (n, _) => n.Ipv6Addresses,
        ["ipv6-addresses.ipv6-address"] = (n, _) => n.Ipv6Addresses,
        ["mac-address"] = (n, _) => [n.MacAddress],
        ["network-interface-id"] = (n, _) => [n.Id],
        ["owner-id"] = (n, _) => [n.OwnerId],
        ["private-dns-name"] = (n, state) => [DnsNames.Private(n, state.Scope.Region)],
        ["private-ip-address"] = (n, _) => n.PrivateIpAddresses,
        ["requester-id"] = (n, _) => [n.RequesterManaged ? NetworkInterface.AwsRequesterId : null],
        ["requester-managed"] = (n, _) => [Binding.Text(n.RequesterManaged)],
        ["source-dest-check"] = (n, _) => [Binding.Text(n.SourceDestCheck)],
        ["status"] = (n, _) => [n.Status],
        ["subnet-id"] = (n, _) => [n.SubnetId],
        ["vpc-id"] = (n, _) => [n.VpcId],
    }, n => n.Id, new() { ["subnet-id"] = (state, subnet) => state.NetworkInterfacesIn(subnet) }, idFilter: "network-interface-id");

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var input = call.Input;
        if (input.String("InterfaceType") is { } type)
            return Ec2Errors.InvalidParameterValue("interfaceType", type);
        if (input.Has("Ipv6Prefixes") || input.Has("Ipv6PrefixCount") || input.Has("Ipv4Prefixes") || input.Has("Ipv4PrefixCount"))
            return Ec2Errors.InvalidParameterValue("LocalVpc does not delegate prefixes to interfaces; give addresses or address counts.");
        var secondary = input.Structs("PrivateIpAddresses").Where(p => p.Bool("Primary") != true).Select(p => p.String("PrivateIpAddress")!);
        var primary = input.String("PrivateIpAddress")
            ?? input.Structs("PrivateIpAddresses").FirstOrDefault(p => p.Bool("Primary") == true)?.String("PrivateIpAddress");
        var outcome = await call.ExecuteAsync(new CreateNetworkInterface(input.String("SubnetId")!, input.String("Description"), primary,
            [.. secondary.Where(s => s != primary)], input.Int("SecondaryPrivateIpAddressCount") ?? 0, input.Strings("Groups"),
            Binding.TagSpecifications(input), Binding.Ipv6Addresses(input, "Ipv6Addresses"), input.Int("Ipv6AddressCount"),
            input.Bool("EnablePrimaryIpv6") ?? false));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w => w.Structure("networkInterface", w =>
            NetworkInterfaceXml.NetworkInterface(w, state.NetworkInterfaces[outcome.Value!], state)));
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (call.Input.Has("MaxResults") && !call.Input.Strings("NetworkInterfaceIds").IsEmpty)
            return Ec2Errors.InvalidParameterCombination("The parameter NetworkInterfaceIds cannot be used with the parameter MaxResults");
        if (Query.Run(call, state, state.NetworkInterfaces.Values, n => n.Id, "NetworkInterfaceIds",
                (string id, out NetworkInterface n) => ResourceKinds.NetworkInterface.Find(state, id, out n), Filters, out var page, out var next) is { } error)
            return error;
        return ApiReply.Ok(w =>
        {
            w.List("networkInterfaceSet", page, (w, n) => NetworkInterfaceXml.NetworkInterface(w, n, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteNetworkInterface(call.Input.String("NetworkInterfaceId")!));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> ModifyAttribute(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("Attachment") || input.Has("AssociatePublicIpAddress") || input.Has("AssociatedSubnetIds"))
            return Ec2Errors.InvalidParameterValue("LocalVpc modifies the description, security groups and source/destination check of an interface.");
        var outcome = await call.ExecuteAsync(new ModifyNetworkInterfaceAttribute(input.String("NetworkInterfaceId")!,
            input.Struct("Description")?.String("Value"), input.Strings("Groups"), input.AttributeBool("SourceDestCheck"), input.Bool("EnablePrimaryIpv6")));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> Attach(ApiCall call)
    {
        var input = call.Input;
        if (input.Int("NetworkCardIndex") is > 0) return Ec2Errors.InvalidParameterValue("networkCardIndex", input.String("NetworkCardIndex")!);
        var outcome = await call.ExecuteAsync(new AttachNetworkInterface(input.String("NetworkInterfaceId")!, input.String("InstanceId")!,
            input.Int("DeviceIndex")));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w =>
        {
            w.Element("attachmentId", outcome.Value);
            w.Element("networkCardIndex", "0");
        });
    }

    public static async Task<ApiReply> Detach(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DetachNetworkInterface(call.Input.String("AttachmentId")!));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(_ => { }); // no output shape
    }

    public static async Task<ApiReply> AssignPrivateIpAddresses(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new AssignPrivateIpAddresses(input.String("NetworkInterfaceId")!,
            input.Strings("PrivateIpAddresses"), input.Int("SecondaryPrivateIpAddressCount")));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w =>
        {
            w.Element("networkInterfaceId", input.String("NetworkInterfaceId"));
            w.List("assignedPrivateIpAddressesSet", outcome.Value, (w, ip) => w.Element("privateIpAddress", ip));
        });
    }

    public static async Task<ApiReply> UnassignPrivateIpAddresses(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new UnassignPrivateIpAddresses(call.Input.String("NetworkInterfaceId")!,
            call.Input.Strings("PrivateIpAddresses")));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> AssignIpv6Addresses(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("Ipv6Prefixes") || input.Has("Ipv6PrefixCount"))
            return Ec2Errors.InvalidParameterValue("LocalVpc does not delegate prefixes to interfaces; give addresses or an address count.");
        var outcome = await call.ExecuteAsync(new AssignIpv6Addresses(input.String("NetworkInterfaceId")!, input.Strings("Ipv6Addresses"),
            input.Int("Ipv6AddressCount")));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w =>
        {
            w.Element("networkInterfaceId", input.String("NetworkInterfaceId"));
            w.StringList("assignedIpv6Addresses", outcome.Value);
        });
    }

    public static async Task<ApiReply> UnassignIpv6Addresses(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new UnassignIpv6Addresses(input.String("NetworkInterfaceId")!, input.Strings("Ipv6Addresses")));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w =>
        {
            w.Element("networkInterfaceId", input.String("NetworkInterfaceId"));
            w.StringList("unassignedIpv6Addresses", outcome.Value);
        });
    }
}
