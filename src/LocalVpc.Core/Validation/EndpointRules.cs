using System.Text.Json;

namespace LocalVpc.Core.Validation;

/// <summary>
/// What AWS checks and fills in for VPC endpoints: default policies, private DNS prerequisites and
/// conflicts, subnets one per zone (https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html).
/// </summary>
public static class EndpointRules
{
    /// <summary>The policy AWS gives a gateway endpoint created without one.</summary>
    public const string DefaultGatewayPolicy =
        "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    /// <summary>The policy AWS gives an interface endpoint created without one (pretty-printed, no Version, as AWS returns it).</summary>
    public const string DefaultInterfacePolicy =
        "{\n  \"Statement\": [\n    {\n      \"Action\": \"*\", \n      \"Effect\": \"Allow\", \n      \"Principal\": \"*\", \n      \"Resource\": \"*\"\n    }\n  ]\n}";

    /// <summary>AWS's limit on a policy document's length.</summary>
    public const int MaxPolicyLength = 20480;

    public static string DefaultPolicy(string type) => type == "Gateway" ? DefaultGatewayPolicy : DefaultInterfacePolicy;

    /// <summary>A policy must be a JSON object of at most 20,480 characters, and only where the service takes policies.</summary>
    public static AwsError? CheckPolicy(string policy, EndpointService service)
    {
        if (!service.VpcEndpointPolicySupported)
            return Ec2Errors.InvalidParameter($"The service {service.ServiceName} does not support VPC endpoint policies.");
        if (policy.Length > MaxPolicyLength)
            return Ec2Errors.InvalidPolicyDocument($"The policy document exceeds the maximum length of {MaxPolicyLength} characters.");
        try
        {
            using var document = JsonDocument.Parse(policy);
            return document.RootElement.ValueKind == JsonValueKind.Object ? null : Ec2Errors.InvalidPolicyDocument("The policy document must be a JSON object.");
        }
        catch (JsonException e)
        {
            return Ec2Errors.InvalidPolicyDocument($"The policy document is not valid JSON: {e.Message}");
        }
    }

    /// <summary>
    /// Private DNS needs the VPC's DNS support and hostnames on, may not claim a name another endpoint of the
    /// VPC already claims, and for S3 interface endpoints needs a gateway endpoint for S3 in the VPC.
    /// </summary>
    public static AwsError? CheckPrivateDns(AccountState state, Vpc vpc, EndpointService service, string? endpointId)
    {
        if (!vpc.EnableDnsSupport || !vpc.EnableDnsHostnames) return Ec2Errors.PrivateDnsNeedsVpcAttributes(vpc.Id);
        if (service.UsablePrivateDnsNames.IsEmpty)
            return Ec2Errors.InvalidParameter($"Private DNS cannot be enabled: the service {service.ServiceName} has no verified private DNS name.");
        var claimed = state.VpcEndpointsIn(vpc.Id)
            .Where(e => e.Id != endpointId && e.PrivateDnsEnabled)
            .SelectMany(e => e.ServicePrivateDnsNames);
        if (service.UsablePrivateDnsNames.FirstOrDefault(claimed.Contains) is { } conflict) return Ec2Errors.ConflictingDnsDomain(conflict, vpc.Id);
        if (service.PrivateDnsOnlyWithGateway &&
            !state.VpcEndpointsIn(vpc.Id).Any(e => e.ServiceName == service.ServiceName && e.Type == "Gateway"))
            return Ec2Errors.InvalidParameter($"To set PrivateDnsOnlyForInboundResolverEndpoint to true, the VPC {vpc.Id} must have a Gateway endpoint for the service.");
        return null;
    }

    /// <summary>Subnets of the endpoint's VPC, at most one per zone.</summary>
    public static AwsError? CheckSubnets(AccountState state, string vpcId, IEnumerable<string> subnetIds, out List<Subnet> subnets)
    {
        subnets = [];
        foreach (var id in subnetIds)
        {
            if (ResourceKinds.Subnet.Find(state, id, out var subnet) is { } error) return error;
            if (subnet.VpcId != vpcId) return Ec2Errors.InvalidParameter($"The subnet ID '{subnet.Id}' does not belong to the VPC '{vpcId}'.");
            if (subnets.Any(s => s.AvailabilityZone == subnet.AvailabilityZone)) return Ec2Errors.DuplicateSubnetsInSameZone(subnet.Id);
            subnets.Add(subnet);
        }
        return null;
    }

    /// <summary>Route tables of the endpoint's VPC.</summary>
    public static AwsError? CheckRouteTables(AccountState state, string vpcId, IEnumerable<string> tableIds, out List<RouteTable> tables)
    {
        tables = [];
        foreach (var id in tableIds.Distinct())
        {
            if (ResourceKinds.RouteTable.Find(state, id, out var table) is { } error) return error;
            if (table.VpcId != vpcId) return Ec2Errors.InvalidParameter($"The route table '{table.Id}' does not belong to the VPC '{vpcId}'.");
            tables.Add(table);
        }
        return null;
    }

    /// <summary>Security groups of the endpoint's VPC.</summary>
    public static AwsError? CheckGroups(AccountState state, string vpcId, IEnumerable<string> groupIds)
    {
        foreach (var id in groupIds)
        {
            if (ResourceKinds.SecurityGroup.Find(state, id, out var group) is { } error) return error;
            if (group.VpcId != vpcId) return Ec2Errors.InvalidParameter($"The security group '{group.Id}' does not belong to the VPC '{vpcId}'.");
        }
        return null;
    }

    /// <summary>The interface an interface endpoint puts in one subnet, with an IPv6 address too for a dual-stack endpoint.</summary>
    public static AwsError? NewInterface(AccountState state, CommandContext context, string endpointId, Subnet subnet,
        ImmutableArray<string> groups, bool ipv6, ISet<uint> pending, out NetworkInterface eni)
    {
        eni = null!;
        if (AddressAllocator.Allocate(state, subnet, [], AddressAllocator.PrimaryCount(subnet, null), pending, out var addresses) is { } error) return error;
        if (Ipv6AddressAllocator.Allocate(state, subnet, [], ipv6 ? 1 : 0, new HashSet<UInt128>(), out var ipv6Addresses) is { } ipv6Error)
            return ipv6Error;
        eni = new NetworkInterface(context.Ids.Next(IdPrefix.NetworkInterface), subnet.Id, subnet.VpcId, subnet.AvailabilityZone,
            subnet.AvailabilityZoneId, state.Scope.Account, $"VPC Endpoint Interface {endpointId}", [.. addresses], groups, "vpc_endpoint",
            RequesterManaged: true, SourceDestCheck: true, Attachment: null, PublicIp: null) { Ipv6Addresses = [.. ipv6Addresses] };
        return null;
    }

    /// <summary>The route a gateway endpoint puts in each of its tables: the service's prefix list to the endpoint.</summary>
    public static Route GatewayRoute(PrefixList prefixList, string endpointId) =>
        new(null, null, prefixList.Id, new RouteTarget(GatewayId: endpointId), Route.OriginCreateRoute);
}
