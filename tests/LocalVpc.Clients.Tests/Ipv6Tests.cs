using System.Diagnostics;
using System.Net;
using System.Text;

namespace LocalVpc.Clients.Tests;

/// <summary>
/// Dual stack end to end: a VPC with Amazon's /56 built with the aws CLI and AWSSDK.EC2, a dual-stack endpoint whose
/// names answer A and AAAA through the VPC's resolver (dig), and connections over IPv6 through an instance's proxy
/// that follow the IPv6 rules of its groups.
/// </summary>
[Collection(DataPlaneCollection.Name)]
public sealed class Ipv6Tests(DataPlaneFixture fixture)
{
    private const string Ami = "ami-0123456789abcdef0";
    private const byte NotAllowed = 0x02;
    private readonly string _account = ServerFixture.NewAccount();
    private AmazonEC2Client Ec2 => Sdk.Ec2(fixture.Server, _account);

    private Task<string> CliAsync(params string[] args) => AwsCli.TextAsync(fixture.Server, _account, args);

    [Fact]
    public async Task DualStackVpc_WithTheCliAndTheSdk_GetsA56TwoSubnetsAnInstanceAddressAndAnEgressOnlyGateway()
    {
        var vpc = await CliAsync("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16", "--amazon-provided-ipv6-cidr-block", "--query", "Vpc.VpcId");
        var association = (await Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc] })).Vpcs[0].Ipv6CidrBlockAssociationSet.Single();
        Assert.Equal(("associated", "Amazon", "us-east-1"), (association.Ipv6CidrBlockState.State.Value, association.Ipv6Pool, association.NetworkBorderGroup));
        var block = IPNetwork.Parse(association.Ipv6CidrBlock);
        Assert.Equal(56, block.PrefixLength);
        var other = (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16", AmazonProvidedIpv6CidrBlock = true })).Vpc;
        Assert.NotEqual(association.Ipv6CidrBlock, other.Ipv6CidrBlockAssociationSet.Single().Ipv6CidrBlock);

        // Two /64s of the /56; a third that overlaps is refused, as is one outside the block.
        var prefix = association.Ipv6CidrBlock[..association.Ipv6CidrBlock.IndexOf("::", StringComparison.Ordinal)];
        var a = await CliAsync("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.1.0/24", "--ipv6-cidr-block", $"{prefix}::/64",
            "--availability-zone", "us-east-1a", "--query", "Subnet.SubnetId");
        var b = (await Ec2.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpc, CidrBlock = "10.0.2.0/24", Ipv6CidrBlock = $"{prefix[..^1]}1::/64", AvailabilityZone = "us-east-1b",
        })).Subnet;
        Assert.True(block.Contains(IPNetwork.Parse(b.Ipv6CidrBlockAssociationSet.Single().Ipv6CidrBlock).BaseAddress));
        var conflict = await AwsCli.RunAsync(fixture.Server, _account, "ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.3.0/24",
            "--ipv6-cidr-block", $"{prefix}::/64");
        Assert.Contains("InvalidSubnet.Conflict", conflict.Stderr);
        var found = await CliAsync("ec2", "describe-subnets", "--filters", $"Name=ipv6-cidr-block-association.ipv6-cidr-block,Values={prefix}::/64",
            "--query", "Subnets[].SubnetId");
        Assert.Equal(a, found);

        // An instance with an IPv6 address from its subnet's /64, shown on the instance and its interface.
        var instance = (await Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = b.SubnetId, Ipv6AddressCount = 1 }))
            .Reservation.Instances[0];
        var described = (await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instance.InstanceId] })).Reservations[0].Instances[0];
        Assert.Equal(described.NetworkInterfaces[0].Ipv6Addresses.Single().Ipv6Address, described.Ipv6Address);
        Assert.True(IPNetwork.Parse(b.Ipv6CidrBlockAssociationSet.Single().Ipv6CidrBlock).Contains(IPAddress.Parse(described.Ipv6Address)));

        // Primary IPv6: the interface's first address, marked as such, and not one to take away.
        var eni = (await Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = b.SubnetId, Ipv6AddressCount = 2, EnablePrimaryIpv6 = true }))
            .NetworkInterface;
        Assert.Equal([true, false], eni.Ipv6Addresses.Select(x => x.IsPrimaryIpv6 ?? false));
        var keep = await AwsCli.RunAsync(fixture.Server, _account, "ec2", "unassign-ipv6-addresses", "--network-interface-id", eni.NetworkInterfaceId,
            "--ipv6-addresses", eni.Ipv6Addresses[0].Ipv6Address);
        Assert.Contains("InvalidParameterValue", keep.Stderr);
        var unassigned = await CliAsync("ec2", "unassign-ipv6-addresses", "--network-interface-id", eni.NetworkInterfaceId,
            "--ipv6-addresses", eni.Ipv6Addresses[1].Ipv6Address, "--query", "UnassignedIpv6Addresses[0]");
        Assert.Equal(eni.Ipv6Addresses[1].Ipv6Address, unassigned);

        // The egress-only gateway, ::/0 to it, and the VPC's local IPv6 route.
        var eigw = await CliAsync("ec2", "create-egress-only-internet-gateway", "--vpc-id", vpc,
            "--query", "EgressOnlyInternetGateway.EgressOnlyInternetGatewayId");
        var table = await CliAsync("ec2", "describe-route-tables", "--filters", $"Name=vpc-id,Values={vpc}", "--query", "RouteTables[0].RouteTableId");
        await CliAsync("ec2", "create-route", "--route-table-id", table, "--destination-ipv6-cidr-block", "::/0", "--egress-only-internet-gateway-id", eigw);
        var routes = (await Ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [table] })).RouteTables[0].Routes;
        Assert.Contains(routes, r => r.DestinationIpv6CidrBlock == association.Ipv6CidrBlock && r.GatewayId == "local");
        Assert.Contains(routes, r => r.DestinationIpv6CidrBlock == "::/0" && r.EgressOnlyInternetGatewayId == eigw && r.State == RouteState.Active);
        var attached = await CliAsync("ec2", "describe-egress-only-internet-gateways", "--egress-only-internet-gateway-ids", eigw,
            "--query", "EgressOnlyInternetGateways[0].Attachments[0].[VpcId,State]");
        Assert.Equal($"{vpc}\tattached", attached);

        // An IPv4 destination cannot use it; the subnet's block stays while an interface holds one of its addresses.
        var v4 = await AwsCli.RunAsync(fixture.Server, _account, "ec2", "create-route", "--route-table-id", table, "--destination-cidr-block", "0.0.0.0/0",
            "--egress-only-internet-gateway-id", eigw);
        Assert.Contains("InvalidParameterValue", v4.Stderr);
        var inUse = await AwsCli.RunAsync(fixture.Server, _account, "ec2", "disassociate-subnet-cidr-block", "--association-id",
            b.Ipv6CidrBlockAssociationSet.Single().AssociationId);
        Assert.Contains("DependencyViolation", inUse.Stderr);
    }

    [Fact]
    public async Task DualstackEndpoint_AnswersAAndAaaa_AndTelnetOverIpv6FollowsTheIpv6RuleOfItsGroup()
    {
        var vpc = (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16", AmazonProvidedIpv6CidrBlock = true })).Vpc;
        await Ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc.VpcId, EnableDnsHostnames = true });
        var block = vpc.Ipv6CidrBlockAssociationSet.Single().Ipv6CidrBlock;
        var subnet = (await Ec2.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpc.VpcId, CidrBlock = "10.0.1.0/24", Ipv6CidrBlock = block.Replace("/56", "/64"), AvailabilityZone = "us-east-1a",
        })).Subnet.SubnetId;
        var endpointGroup = (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc.VpcId, GroupName = "endpoints", Description = "endpoints" })).GroupId;
        await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = endpointGroup, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/16" }] }],
        });
        var instance = (await Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = subnet, Ipv6AddressCount = 1 }))
            .Reservation.Instances[0].InstanceId;
        var endpoint = await CliAsync("ec2", "create-vpc-endpoint", "--vpc-id", vpc.VpcId, "--vpc-endpoint-type", "Interface",
            "--service-name", "com.amazonaws.us-east-1.ssm", "--subnet-ids", subnet, "--security-group-ids", endpointGroup,
            "--ip-address-type", "dualstack", "--dns-options", "DnsRecordIpType=dualstack", "--query", "VpcEndpoint.VpcEndpointId");
        var interfaceIds = (await Ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [endpoint] })).VpcEndpoints[0].NetworkInterfaceIds;
        var endpointInterface = (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = interfaceIds }))
            .NetworkInterfaces.Single();
        var v6 = endpointInterface.Ipv6Addresses.Single().Ipv6Address;

        // The VPC's resolver: A and AAAA for the private DNS name; an instance's ip- name has no AAAA (NODATA).
        var resolver = await DataPlaneFixture.ResolverOfAsync(fixture.Server, vpc.VpcId);
        const string name = "ssm.us-east-1.amazonaws.com";
        Assert.Equal(endpointInterface.PrivateIpAddress, await DigAsync(resolver, name, "A"));
        Assert.Equal(v6, await DigAsync(resolver, name, "AAAA"));
        var instanceIp = (await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instance] })).Reservations[0].Instances[0].PrivateIpAddress;
        Assert.Equal("", await DigAsync(resolver, $"ip-{instanceIp.Replace('.', '-')}.ec2.internal", "AAAA"));

        // Over IPv6 the group's IPv4 rule does not apply: refused until an IPv6 rule lets the VPC's /56 in.
        var proxy = await DataPlaneFixture.ProxyOfAsync(fixture.Server, instance);
        Assert.Equal(0, (await TelnetAsync(proxy, endpointInterface.PrivateIpAddress)).Reply);
        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, v6)).Reply);
        var ipv6Rule = new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv6Ranges = [new Ipv6Range { CidrIpv6 = block }] };
        await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = endpointGroup, IpPermissions = [ipv6Rule] });
        Assert.Equal(((byte)0, (string?)fixture.Ssm.Banner), await TelnetAsync(proxy, v6));

        // A client that resolved AAAA itself, through localvpc exec: telnet to the IPv6 address connects.
        var (_, output) = await LocalVpcCli.RunAsync(null, "exec", "--endpoint-url", fixture.Server.Url, instance, "--", "telnet", v6, "443");
        Assert.Contains($"Connected to {v6}", output);

        // The probe of the name as a client that prefers IPv6 sees it: the AAAA address, reachable, and a live connection agrees.
        var byName = await LocalVpcCli.RunAsync(null, "probe", "--endpoint-url", fixture.Server.Url, "--account", _account, "--from", instance,
            "--to", $"{name}:443", "--ipv6", "--live", "--json");
        Assert.True(byName.ExitCode == 0, byName.Output);
        var verdict = System.Text.Json.JsonDocument.Parse(byName.Output).RootElement;
        Assert.Equal(v6, verdict.GetProperty("destinationAddress").GetString());
        Assert.True(verdict.GetProperty("live").GetProperty("agrees").GetBoolean(), byName.Output);

        // The probe agrees, and the revoked rule refuses again.
        var probe = await LocalVpcCli.RunAsync(null, "probe", "--endpoint-url", fixture.Server.Url, "--account", _account, "--from", instance, "--to", $"[{v6}]:443");
        Assert.Contains("REACHABLE", probe.Output);
        await Ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = endpointGroup, IpPermissions = [ipv6Rule] });
        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, v6)).Reply);
        await fixture.Server.WaitForOutputAsync($"{instance} → [{v6}]:443: denied (reject) ENI_SG_RULES_MISMATCH");
    }

    [Fact]
    public async Task ProvidersServiceBehindADualStackBalancer_SupportsIpv6_AndAConsumersDualstackEndpointCarriesIpv6ToTheTarget()
    {
        // The provider gives its default VPC and one subnet IPv6 blocks, and an NLB in that subnet forwarding 443 to the stand-in.
        var provider = ServerFixture.NewAccount();
        var providerEc2 = Sdk.Ec2(fixture.Server, provider);
        Task<string> Cli(params string[] args) => AwsCli.TextAsync(fixture.Server, provider, args);
        var providerSubnet = (await providerEc2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new("availability-zone", ["us-east-1a"])] })).Subnets[0];
        var vpcBlock = (await providerEc2.AssociateVpcCidrBlockAsync(new AssociateVpcCidrBlockRequest { VpcId = providerSubnet.VpcId, AmazonProvidedIpv6CidrBlock = true }))
            .Ipv6CidrBlockAssociation.Ipv6CidrBlock;
        await Cli("ec2", "associate-subnet-cidr-block", "--subnet-id", providerSubnet.SubnetId, "--ipv6-cidr-block", vpcBlock.Replace("/56", "/64"));
        var balancer = await Cli("elbv2", "create-load-balancer", "--name", "svc6", "--type", "network", "--scheme", "internal",
            "--subnets", providerSubnet.SubnetId, "--query", "LoadBalancers[0].LoadBalancerArn");
        var group = await Cli("elbv2", "create-target-group", "--name", "app6", "--protocol", "TCP", "--port", "443", "--vpc-id", providerSubnet.VpcId,
            "--target-type", "ip", "--query", "TargetGroups[0].TargetGroupArn");
        await Cli("elbv2", "register-targets", "--target-group-arn", group, "--targets", $"Id=127.0.0.1,Port={fixture.Ssm.Port}");
        await Cli("elbv2", "create-listener", "--load-balancer-arn", balancer, "--protocol", "TCP", "--port", "443", "--default-actions", $"Type=forward,TargetGroupArn={group}");

        // IPv6 needs a dual-stack balancer.
        var refused = await AwsCli.RunAsync(fixture.Server, provider, "ec2", "create-vpc-endpoint-service-configuration",
            "--network-load-balancer-arns", balancer, "--supported-ip-address-types", "ipv4", "ipv6");
        Assert.Contains("InvalidParameter", refused.Stderr);
        Assert.Equal("dualstack", await Cli("elbv2", "set-ip-address-type", "--load-balancer-arn", balancer, "--ip-address-type", "dualstack", "--query", "IpAddressType"));
        var service = (await providerEc2.CreateVpcEndpointServiceConfigurationAsync(new CreateVpcEndpointServiceConfigurationRequest
        {
            NetworkLoadBalancerArns = [balancer], AcceptanceRequired = false, SupportedIpAddressTypes = ["ipv4", "ipv6"],
        })).ServiceConfiguration;
        Assert.Equal(["ipv4", "ipv6"], service.SupportedIpAddressTypes.Order());
        await providerEc2.ModifyVpcEndpointServicePermissionsAsync(new ModifyVpcEndpointServicePermissionsRequest
        {
            ServiceId = service.ServiceId, AddAllowedPrincipals = [$"arn:aws:iam::{_account}:root"],
        });
        var backToIpv4 = await AwsCli.RunAsync(fixture.Server, provider, "elbv2", "set-ip-address-type", "--load-balancer-arn", balancer, "--ip-address-type", "ipv4");
        Assert.NotEqual(0, backToIpv4.ExitCode);

        // The consumer: a dual-stack endpoint to it, and an instance whose IPv6 connection reaches the target.
        var vpc = (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16", AmazonProvidedIpv6CidrBlock = true })).Vpc;
        var block = vpc.Ipv6CidrBlockAssociationSet.Single().Ipv6CidrBlock;
        var subnet = (await Ec2.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpc.VpcId, CidrBlock = "10.0.1.0/24", Ipv6CidrBlock = block.Replace("/56", "/64"), AvailabilityZone = "us-east-1a",
        })).Subnet.SubnetId;
        var endpointGroup = (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc.VpcId, GroupName = "endpoints", Description = "endpoints" })).GroupId;
        await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = endpointGroup, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv6Ranges = [new Ipv6Range { CidrIpv6 = block }] }],
        });
        var endpoint = (await Ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc.VpcId, VpcEndpointType = VpcEndpointType.Interface, ServiceName = service.ServiceName, SubnetIds = [subnet],
            SecurityGroupIds = [endpointGroup], IpAddressType = IpAddressType.Dualstack,
        })).VpcEndpoint;
        var v6 = (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = endpoint.NetworkInterfaceIds }))
            .NetworkInterfaces.Single().Ipv6Address;
        var instance = (await Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = subnet, Ipv6AddressCount = 1 }))
            .Reservation.Instances[0].InstanceId;
        var proxy = await DataPlaneFixture.ProxyOfAsync(fixture.Server, instance);
        Assert.Equal(((byte)0, (string?)fixture.Ssm.Banner), await TelnetAsync(proxy, v6));
        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            NetworkInterfaceIds = endpoint.NetworkInterfaceIds,
        })).NetworkInterfaces.Single().PrivateIpAddress)).Reply); // the group lets IPv6 in only
    }

    [Fact]
    public async Task Ipv6OnlySubnet_HasNoIpv4_ItsInstanceIsNamedByResource_AndAnIpv6EndpointCarriesItsTraffic()
    {
        var vpc = await CliAsync("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16", "--amazon-provided-ipv6-cidr-block", "--query", "Vpc.VpcId");
        await CliAsync("ec2", "modify-vpc-attribute", "--vpc-id", vpc, "--enable-dns-hostnames", "{\"Value\":true}");
        var block = await CliAsync("ec2", "describe-vpcs", "--vpc-ids", vpc, "--query", "Vpcs[0].Ipv6CidrBlockAssociationSet[0].Ipv6CidrBlock");
        var withIpv4 = await AwsCli.RunAsync(fixture.Server, _account, "ec2", "create-subnet", "--vpc-id", vpc, "--ipv6-native",
            "--cidr-block", "10.0.1.0/24", "--ipv6-cidr-block", block.Replace("/56", "/64"));
        Assert.Contains("InvalidParameterCombination", withIpv4.Stderr);
        var subnet = (await Ec2.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpc, Ipv6Native = true, Ipv6CidrBlock = block.Replace("/56", "/64"), AvailabilityZone = "us-east-1a",
        })).Subnet;
        Assert.Equal((true, null, 0, true), (subnet.Ipv6Native, subnet.CidrBlock, subnet.AvailableIpAddressCount, subnet.AssignIpv6AddressOnCreation));
        Assert.Equal(HostnameType.ResourceName, subnet.PrivateDnsNameOptionsOnLaunch.HostnameType);

        // The instance has an IPv6 address and no IPv4 one; its name is its id.
        var instance = (await Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = subnet.SubnetId }))
            .Reservation.Instances[0];
        Assert.Null(instance.PrivateIpAddress);
        Assert.Equal($"{instance.InstanceId}.ec2.internal", instance.PrivateDnsName);
        var resolver = await DataPlaneFixture.ResolverOfAsync(fixture.Server, vpc);
        Assert.Equal(instance.Ipv6Address, await DigAsync(resolver, instance.PrivateDnsName, "AAAA"));
        Assert.Equal("", await DigAsync(resolver, instance.PrivateDnsName, "A"));

        // Endpoints here are of type ipv6; their private DNS answers AAAA only, and the instance reaches SSM by name.
        var group = await CliAsync("ec2", "create-security-group", "--vpc-id", vpc, "--group-name", "endpoints", "--description", "endpoints", "--query", "GroupId");
        await CliAsync("ec2", "authorize-security-group-ingress", "--group-id", group,
            "--ip-permissions", $"IpProtocol=tcp,FromPort=443,ToPort=443,Ipv6Ranges=[{{CidrIpv6={block}}}]");
        var ipv4 = await AwsCli.RunAsync(fixture.Server, _account, "ec2", "create-vpc-endpoint", "--vpc-id", vpc, "--vpc-endpoint-type", "Interface",
            "--service-name", "com.amazonaws.us-east-1.ssm", "--subnet-ids", subnet.SubnetId, "--security-group-ids", group);
        Assert.Contains("IPv6 only", ipv4.Stderr);
        var types = await CliAsync("ec2", "create-vpc-endpoint", "--vpc-id", vpc, "--vpc-endpoint-type", "Interface",
            "--service-name", "com.amazonaws.us-east-1.ssm", "--subnet-ids", subnet.SubnetId, "--security-group-ids", group, "--ip-address-type", "ipv6",
            "--query", "VpcEndpoint.[IpAddressType,DnsOptions.DnsRecordIpType]");
        Assert.Equal("ipv6\tipv6", types);
        Assert.Equal("", await DigAsync(resolver, "ssm.us-east-1.amazonaws.com", "A"));
        Assert.StartsWith("2600:1f18:", await DigAsync(resolver, "ssm.us-east-1.amazonaws.com", "AAAA"));
        var proxy = await DataPlaneFixture.ProxyOfAsync(fixture.Server, instance.InstanceId);
        Assert.Equal(((byte)0, (string?)fixture.Ssm.Banner), await TelnetAsync(proxy, "ssm.us-east-1.amazonaws.com"));
    }

    /// <summary>Connects through the proxy and reads the stand-in's greeting.</summary>
    private static async Task<(byte Reply, string? Greeting)> TelnetAsync(string proxy, string host)
    {
        var (reply, stream) = await Socks5Client.ConnectAsync(proxy, host, 443);
        if (stream is null) return (reply, null);
        await using (stream)
        {
            using var reader = new StreamReader(stream, Encoding.ASCII);
            return (reply, await reader.ReadLineAsync());
        }
    }

    /// <summary>dig's short answer for one record type.</summary>
    private static async Task<string> DigAsync(string resolver, string name, string type)
    {
        var colon = resolver.LastIndexOf(':');
        var info = new ProcessStartInfo("dig");
        foreach (var arg in new[] { $"@{resolver[..colon]}", "-p", resolver[(colon + 1)..], name, type, "+short", "+tries=1", "+time=5" })
            info.ArgumentList.Add(arg);
        var output = (await ChildProcess.RunAsync(info, "These tests query with dig: install it (apt-get install dnsutils) or run .ci/run.")).Stdout;
        return string.Join(",", output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
