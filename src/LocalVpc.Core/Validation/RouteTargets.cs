namespace LocalVpc.Core.Validation;

/// <summary>Checks a route's destination and target as CreateRoute and ReplaceRoute do.</summary>
public static class RouteTargets
{
    /// <summary>Exactly one destination, well formed.</summary>
    public static AwsError? Destination(string? cidr, string? ipv6Cidr, string? prefixList, out string destination)
    {
        destination = cidr ?? ipv6Cidr ?? prefixList ?? "";
        var given = new[] { cidr, ipv6Cidr, prefixList }.Count(d => d is not null);
        if (given == 0) return Ec2Errors.MissingParameter("destinationCidrBlock or destinationIpv6CidrBlock or destinationPrefixListId");
        if (given > 1) return Ec2Errors.InvalidParameterCombination("Only one destination may be specified: destinationCidrBlock, destinationIpv6CidrBlock or destinationPrefixListId.");
        if (cidr is not null && !Ipv4Cidr.TryParse(cidr, out _)) return Ec2Errors.InvalidCidr("destinationCidrBlock", cidr);
        if (ipv6Cidr is not null && !Ipv6Cidr.TryParse(ipv6Cidr, out _))
            return Ec2Errors.InvalidCidr("destinationIpv6CidrBlock", ipv6Cidr);
        if (prefixList is not null && !IdPrefix.IsWellFormed(prefixList, IdPrefix.PrefixList))
            return Ec2Errors.InvalidParameterValue("destinationPrefixListId", prefixList);
        return null;
    }

    /// <summary>Exactly one target, existing and in the table's VPC.</summary>
    /// <param name="ipv6">Whether the destination is an IPv6 block: an egress-only gateway carries nothing else.</param>
    public static AwsError? Resolve(AccountState state, RouteTable table, RouteTargetSpec spec, bool ipv6, out RouteTarget target)
    {
        target = null!;
        var given = new[] { spec.GatewayId, spec.NatGatewayId, spec.NetworkInterfaceId, spec.InstanceId, spec.VpcPeeringConnectionId, spec.VpcEndpointId,
                spec.EgressOnlyInternetGatewayId }
            .Count(t => t is not null);
        if (given == 0)
            return Ec2Errors.MissingParameter("gatewayId, egressOnlyInternetGatewayId, natGatewayId, networkInterfaceId, instanceId, vpcPeeringConnectionId or vpcEndpointId");
        if (given > 1)
            return Ec2Errors.InvalidParameterCombination("More than one target specified: give exactly one of gatewayId, egressOnlyInternetGatewayId, natGatewayId, networkInterfaceId, instanceId, vpcPeeringConnectionId or vpcEndpointId.");

        if (spec.EgressOnlyInternetGatewayId is { } eigwId)
        {
            if (ResourceKinds.EgressOnlyInternetGateway.Find(state, eigwId, out var eigw) is { } eigwError) return eigwError;
            if (eigw.VpcId != table.VpcId) return Ec2Errors.DifferentNetworks(table.Id, eigwId);
            if (!ipv6) return Ec2Errors.InvalidParameterValue($"Route table {table.Id}: an egress-only internet gateway ({eigwId}) carries IPv6 only; give destinationIpv6CidrBlock.");
            target = new RouteTarget(EgressOnlyInternetGatewayId: eigw.Id);
            return null;
        }

        if (spec.GatewayId is { } gatewayId)
        {
            if (IdPrefix.IsWellFormed(gatewayId, IdPrefix.InternetGateway))
            {
                if (!state.InternetGateways.TryGetValue(gatewayId, out var gateway)) return Ec2Errors.InternetGatewayNotFound(gatewayId);
                if (gateway.VpcId != table.VpcId) return Ec2Errors.DifferentNetworks(table.Id, gatewayId);
                target = new RouteTarget(GatewayId: gatewayId);
                return null;
            }
            if (IdPrefix.IsWellFormed(gatewayId, IdPrefix.VpnGateway))
            {
                if (ResourceKinds.VpnGateway.Find(state, gatewayId, out var vpn) is { } vpnError) return vpnError;
                if (vpn.VpcId != table.VpcId) return Ec2Errors.DifferentNetworks(table.Id, gatewayId);
                target = new RouteTarget(GatewayId: gatewayId);
                return null;
            }
            // Gateway endpoints add their routes themselves; other gateway kinds are not served.
            return IdPrefix.IsWellFormed(gatewayId, IdPrefix.VpcEndpoint)
                ? Ec2Errors.VpcEndpointNotFound(gatewayId)
                : Ec2Errors.GatewayNotFound(gatewayId);
        }
        if (spec.VpcEndpointId is { } endpointId) return Ec2Errors.VpcEndpointNotFound(endpointId);
        if (spec.VpcPeeringConnectionId is { } peeringId)
        {
            if (ResourceKinds.VpcPeeringConnection.Find(state, peeringId, out var peering) is { } error) return error;
            if (!peering.IsLive) return Ec2Errors.VpcPeeringConnectionNotFound(peeringId);
            if (peering.SidesFrom(table.VpcId) is null) return Ec2Errors.DifferentNetworks(table.Id, peeringId);
            target = new RouteTarget(VpcPeeringConnectionId: peering.Id);
            return null;
        }
        if (spec.InstanceId is { } instanceId)
        {
            if (ResourceKinds.Instance.Find(state, instanceId, out var instance) is { } error) return error;
            if (instance.VpcId != table.VpcId) return Ec2Errors.DifferentNetworks(table.Id, instanceId);
            if (state.NetworkInterfacesOf(instance).Count() > 1)
                return new AwsError("InvalidInstanceID", $"There are multiple interfaces attached to instance '{instanceId}'. Please specify an interface ID for the operation instead.");
            target = new RouteTarget(InstanceId: instance.Id, NetworkInterfaceId: instance.PrimaryNetworkInterfaceId);
            return null;
        }
        if (spec.NetworkInterfaceId is { } eniId)
        {
            if (ResourceKinds.NetworkInterface.Find(state, eniId, out var eni) is { } error) return error;
            if (eni.VpcId != table.VpcId) return Ec2Errors.DifferentNetworks(table.Id, eniId);
            target = new RouteTarget(NetworkInterfaceId: eni.Id, InstanceId: eni.Attachment?.InstanceId);
            return null;
        }
        var natId = spec.NatGatewayId!;
        if (ResourceKinds.NatGateway.Find(state, natId, out var nat) is { } natError) return natError;
        if (nat.IsGone) return Ec2Errors.NatGatewayNotFound(natId);
        if (nat.VpcId != table.VpcId) return Ec2Errors.DifferentNetworks(table.Id, natId);
        target = new RouteTarget(NatGatewayId: nat.Id);
        return null;
    }
}
