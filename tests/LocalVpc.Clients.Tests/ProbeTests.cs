using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace LocalVpc.Clients.Tests;

/// <summary>
/// Reachability: the network is built with the AWS SDK for .NET, then <c>/_localvpc/probe</c> (what
/// <c>localvpc probe</c> prints) says whether the telnet test would connect, where it stops, and the fix.
/// </summary>
public sealed class ProbeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Ami = "ami-0123456789abcdef0";
    private const string Kms = "com.amazonaws.us-east-1.kms";
    private readonly string _account = ServerFixture.NewAccount();
    private AmazonEC2Client Ec2 => Sdk.Ec2(fixture.Server, _account);

    private sealed record Answer(bool Reachable, string? ExplanationCode, string? Fix, string? DestinationAddress, List<JsonElement> Hops)
    {
        /// <summary>The hop that stopped the flow: its component name.</summary>
        public string? StoppedAt => Hops.FirstOrDefault(h => !h.GetProperty("passed").GetBoolean()) is { ValueKind: JsonValueKind.Object } h
            ? h.GetProperty("component").GetString() : null;
    }

    /// <summary>
    /// The verdict, checked against the network: every probe also makes a real connection through the source
    /// instance's proxy, and the two must agree (the shared server rejects denied connections, so this is quick).
    /// </summary>
    private async Task<Answer> ProbeAsync(string from, string to, string? account = null)
    {
        using var http = new HttpClient();
        var body = await http.GetFromJsonAsync<JsonElement>(
            $"{fixture.Server.Url}/_localvpc/probe?from={from}&to={Uri.EscapeDataString(to)}&account={account ?? _account}&live=true&timeout=10");
        string? Text(string name) => body.GetProperty(name).ValueKind == JsonValueKind.String ? body.GetProperty(name).GetString() : null;
        var live = body.GetProperty("live");
        Assert.True(live.GetProperty("agrees").GetBoolean(), $"the analyzer and the live connection disagree on {from} → {to}: {body}");
        return new Answer(body.GetProperty("reachable").GetBoolean(), Text("explanationCode"), Text("fix"), Text("destinationAddress"),
            [.. body.GetProperty("hops").EnumerateArray()]);
    }

    /// <summary>A VPC with DNS hostnames on and one private subnet (the main route table: local only).</summary>
    private async Task<(string Vpc, string Subnet, string DefaultGroup)> NewVpcAsync()
    {
        var vpc = (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        await Ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc, EnableDnsHostnames = true });
        var subnet = (await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1a" })).Subnet.SubnetId;
        var group = (await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new("vpc-id", [vpc]), new("group-name", ["default"])],
        })).SecurityGroups[0].GroupId;
        return (vpc, subnet, group);
    }

    private async Task<string> GroupAsync(string vpc, string name) =>
        (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = name, Description = name })).GroupId;

    private Task AllowInboundAsync(string group, int port, string fromGroup) =>
        Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, UserIdGroupPairs = [new UserIdGroupPair { GroupId = fromGroup }] }],
        });

    private async Task<string> RunInstanceAsync(string subnet, params List<string> groups) =>
        (await Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = subnet, SecurityGroupIds = groups }))
        .Reservation.Instances[0].InstanceId;

    private async Task<VpcEndpoint> KmsEndpointAsync(string vpc, string subnet, string group, bool privateDns = true) =>
        (await Ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = Kms, SubnetIds = [subnet], SecurityGroupIds = [group],
            PrivateDnsEnabled = privateDns,
        })).VpcEndpoint;

    [Fact]
    public async Task EndpointGroupWithoutInbound443_StopsAtItsIngress_AndTheFixNamesBothGroups_ThenTheRuleOpensIt()
    {
        var (vpc, subnet, defaultGroup) = await NewVpcAsync();
        var endpointGroup = await GroupAsync(vpc, "kms-endpoint");
        var instance = await RunInstanceAsync(subnet, defaultGroup);
        var endpoint = await KmsEndpointAsync(vpc, subnet, endpointGroup);

        var blocked = await ProbeAsync(instance, "kms.us-east-1.amazonaws.com:443");
        Assert.False(blocked.Reachable);
        Assert.Equal(("ENI_SG_RULES_MISMATCH", "security-group-ingress"), (blocked.ExplanationCode, blocked.StoppedAt));
        Assert.Contains("tcp/443", blocked.Fix);
        Assert.Contains($"from {defaultGroup}", blocked.Fix);
        Assert.Contains($"to {endpointGroup}", blocked.Fix);
        // The private DNS name answered with the endpoint's own interface address.
        var eni = (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = endpoint.NetworkInterfaceIds })).NetworkInterfaces[0];
        Assert.Equal(eni.PrivateIpAddress, blocked.DestinationAddress);

        await AllowInboundAsync(endpointGroup, 443, defaultGroup);
        var open = await ProbeAsync(instance, "kms.us-east-1.amazonaws.com:443");
        Assert.True(open.Reachable, open.Fix);
        Assert.Null(open.ExplanationCode);
        Assert.Contains(open.Hops, h => h.GetProperty("component").GetString() == "vpc-endpoint" && h.GetProperty("resourceId").GetString() == endpoint.VpcEndpointId);
        // The regional endpoint name reaches the same interface.
        Assert.True((await ProbeAsync(instance, $"{endpoint.DnsEntries[0].DnsName}:443")).Reachable);
        // Another port is still closed.
        Assert.Equal("ENI_SG_RULES_MISMATCH", (await ProbeAsync(instance, "kms.us-east-1.amazonaws.com:80")).ExplanationCode);
    }

    [Fact]
    public async Task InstanceWithoutOutbound443_StopsAtItsEgress()
    {
        var (vpc, subnet, defaultGroup) = await NewVpcAsync();
        var locked = await GroupAsync(vpc, "no-egress");
        await Ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest
        {
            GroupId = locked, IpPermissions = [new IpPermission { IpProtocol = "-1", Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        });
        var instance = await RunInstanceAsync(subnet, locked);
        await KmsEndpointAsync(vpc, subnet, defaultGroup);

        var answer = await ProbeAsync(instance, "kms.us-east-1.amazonaws.com:443");
        Assert.Equal((false, "ENI_SG_RULES_MISMATCH", "security-group-egress"), (answer.Reachable, answer.ExplanationCode, answer.StoppedAt));
        Assert.Contains($"outbound rule tcp/443", answer.Fix);
        Assert.Contains(locked, answer.Fix);
    }

    [Fact]
    public async Task InboundFromTheWrongGroup_DoesNotCount()
    {
        var (vpc, subnet, defaultGroup) = await NewVpcAsync();
        var endpointGroup = await GroupAsync(vpc, "kms-endpoint");
        var other = await GroupAsync(vpc, "other");
        await AllowInboundAsync(endpointGroup, 443, other);
        var instance = await RunInstanceAsync(subnet, defaultGroup);
        await KmsEndpointAsync(vpc, subnet, endpointGroup);

        var answer = await ProbeAsync(instance, "kms.us-east-1.amazonaws.com:443");
        Assert.Equal((false, "ENI_SG_RULES_MISMATCH", "security-group-ingress"), (answer.Reachable, answer.ExplanationCode, answer.StoppedAt));
    }

    [Fact]
    public async Task PrivateDnsOff_TheNameIsPublic_AndAPrivateSubnetHasNoRouteToIt()
    {
        var (vpc, subnet, defaultGroup) = await NewVpcAsync();
        var instance = await RunInstanceAsync(subnet, defaultGroup);
        var endpoint = await KmsEndpointAsync(vpc, subnet, defaultGroup, privateDns: false);

        var answer = await ProbeAsync(instance, "kms.us-east-1.amazonaws.com:443");
        Assert.Equal((false, "NO_ROUTE_TO_DESTINATION", "route"), (answer.Reachable, answer.ExplanationCode, answer.StoppedAt));
        Assert.DoesNotMatch(@"^10\.", answer.DestinationAddress!);
        // The endpoint's own name still works: that is what private DNS off asks for.
        Assert.True((await ProbeAsync(instance, $"{endpoint.DnsEntries[0].DnsName}:443")).Reachable);
    }

    [Fact]
    public async Task VpcDnsHostnamesOff_NoPrivateDnsEndpoint_SoTheServiceNameStaysPublic()
    {
        var (vpc, subnet, defaultGroup) = await NewVpcAsync();
        await Ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc, EnableDnsHostnames = false });
        var instance = await RunInstanceAsync(subnet, defaultGroup);
        // AWS refuses private DNS without both DNS attributes, so the VPC can only have an endpoint without it.
        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() => KmsEndpointAsync(vpc, subnet, defaultGroup));
        Assert.Equal("InvalidParameter", refused.ErrorCode);
        await KmsEndpointAsync(vpc, subnet, defaultGroup, privateDns: false);

        var answer = await ProbeAsync(instance, "kms.us-east-1.amazonaws.com:443");
        Assert.Equal((false, "NO_ROUTE_TO_DESTINATION"), (answer.Reachable, answer.ExplanationCode));
    }

    [Fact]
    public async Task PrivateSubnet_ToAPublicName_NoRoute_ThenThroughNatAndInternetGateway_Reachable()
    {
        var (vpc, privateSubnet, defaultGroup) = await NewVpcAsync();
        var instance = await RunInstanceAsync(privateSubnet, defaultGroup);
        var blocked = await ProbeAsync(instance, "sts.us-east-1.amazonaws.com:443");
        Assert.Equal((false, "NO_ROUTE_TO_DESTINATION"), (blocked.Reachable, blocked.ExplanationCode));

        // A public subnet with an internet gateway, a NAT gateway in it, and the private subnet's default route to the NAT.
        var igw = (await Ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;
        await Ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = igw, VpcId = vpc });
        var publicSubnet = (await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.2.0/24", AvailabilityZone = "us-east-1a" })).Subnet.SubnetId;
        var publicTable = (await Ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc })).RouteTable.RouteTableId;
        await Ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = publicTable, SubnetId = publicSubnet });
        var allocation = (await Ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc })).AllocationId;
        var nat = (await Ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest { SubnetId = publicSubnet, AllocationId = allocation })).NatGateway.NatGatewayId;
        var privateTable = (await Ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc })).RouteTable.RouteTableId;
        await Ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = privateTable, SubnetId = privateSubnet });
        await Ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = privateTable, DestinationCidrBlock = "0.0.0.0/0", NatGatewayId = nat });

        // The NAT gateway's own subnet has no way out yet.
        var natStuck = await ProbeAsync(instance, "sts.us-east-1.amazonaws.com:443");
        Assert.Equal((false, "NO_ROUTE_TO_DESTINATION", "nat-gateway"), (natStuck.Reachable, natStuck.ExplanationCode, natStuck.StoppedAt));
        Assert.Contains(publicTable, natStuck.Fix);

        await Ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = publicTable, DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw });
        var open = await ProbeAsync(instance, "sts.us-east-1.amazonaws.com:443");
        Assert.True(open.Reachable, open.Fix);
        Assert.Contains(open.Hops, h => h.GetProperty("resourceId").GetString() == nat);

        // An instance in the public subnet without a public address cannot use the internet gateway directly.
        var direct = await RunInstanceAsync(publicSubnet, defaultGroup);
        var noAddress = await ProbeAsync(direct, "sts.us-east-1.amazonaws.com:443");
        Assert.Equal((false, "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS"), (noAddress.Reachable, noAddress.ExplanationCode));
    }

    [Fact]
    public async Task GatewayEndpointForS3_ReachesS3OnlyFromTheRouteTablesItIsIn()
    {
        var (vpc, subnet, defaultGroup) = await NewVpcAsync();
        var instance = await RunInstanceAsync(subnet, defaultGroup);
        var table = (await Ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc })).RouteTable.RouteTableId;
        await Ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = subnet });
        var endpoint = (await Ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc, VpcEndpointType = VpcEndpointType.Gateway, ServiceName = "com.amazonaws.us-east-1.s3",
        })).VpcEndpoint.VpcEndpointId;

        var without = await ProbeAsync(instance, "s3.us-east-1.amazonaws.com:443");
        Assert.Equal((false, "NO_ROUTE_TO_DESTINATION"), (without.Reachable, without.ExplanationCode));

        await Ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = endpoint, AddRouteTableIds = [table] });
        var with = await ProbeAsync(instance, "s3.us-east-1.amazonaws.com:443");
        Assert.True(with.Reachable, with.Fix);
        Assert.Contains(with.Hops, h => h.GetProperty("component").GetString() == "vpc-endpoint" && h.GetProperty("resourceId").GetString() == endpoint);
    }

    [Fact]
    public async Task NetworkAclDenyingTheEphemeralReturnPorts_StopsTheAnswer()
    {
        var (vpc, subnet, defaultGroup) = await NewVpcAsync();
        var endpointSubnet = (await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.3.0/24", AvailabilityZone = "us-east-1a" })).Subnet.SubnetId;
        var instance = await RunInstanceAsync(subnet, defaultGroup);
        await KmsEndpointAsync(vpc, endpointSubnet, defaultGroup);

        // The instance's subnet lets 443 out, and only 443 back in: the answer on an ephemeral port is dropped.
        var acl = (await Ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = vpc })).NetworkAcl.NetworkAclId;
        foreach (var egress in new[] { true, false })
            await Ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
            {
                NetworkAclId = acl, RuleNumber = 100, Egress = egress, Protocol = "6", RuleAction = RuleAction.Allow, CidrBlock = "0.0.0.0/0",
                PortRange = new PortRange { From = 443, To = 443 },
            });
        var association = (await Ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { Filters = [new("association.subnet-id", [subnet])] }))
            .NetworkAcls[0].Associations.Single(a => a.SubnetId == subnet).NetworkAclAssociationId;
        await Ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = association, NetworkAclId = acl });

        var answer = await ProbeAsync(instance, "kms.us-east-1.amazonaws.com:443");
        Assert.Equal((false, "SUBNET_ACL_RESTRICTION", "network-acl-ingress"), (answer.Reachable, answer.ExplanationCode, answer.StoppedAt));
        Assert.Contains("ephemeral", answer.Fix);
        Assert.Contains(acl, answer.Fix);

        await Ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl, RuleNumber = 110, Egress = false, Protocol = "6", RuleAction = RuleAction.Allow, CidrBlock = "10.0.0.0/16",
            PortRange = new PortRange { From = 1024, To = 65535 },
        });
        Assert.True((await ProbeAsync(instance, "kms.us-east-1.amazonaws.com:443")).Reachable);
    }

    [Fact]
    public async Task ProviderSide_PendingAcceptance_ThenNoListener_ThenReachableThroughTheBalancer_AndRejected()
    {
        var provider = ServerFixture.NewAccount();
        var providerEc2 = Sdk.Ec2(fixture.Server, provider);
        Task<string> Cli(params string[] args) => AwsCli.TextAsync(fixture.Server, provider, args);
        var providerSubnet = (await providerEc2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new("availability-zone", ["us-east-1a"])] })).Subnets[0];
        var balancer = await Cli("elbv2", "create-load-balancer", "--name", "probe-svc", "--type", "network", "--scheme", "internal",
            "--subnets", providerSubnet.SubnetId, "--query", "LoadBalancers[0].LoadBalancerArn");
        var service = (await providerEc2.CreateVpcEndpointServiceConfigurationAsync(new CreateVpcEndpointServiceConfigurationRequest
        {
            NetworkLoadBalancerArns = [balancer], AcceptanceRequired = true,
        })).ServiceConfiguration;
        await providerEc2.ModifyVpcEndpointServicePermissionsAsync(new ModifyVpcEndpointServicePermissionsRequest
        {
            ServiceId = service.ServiceId, AddAllowedPrincipals = [$"arn:aws:iam::{_account}:root"],
        });

        // The consumer: an instance and an endpoint in its default VPC, both in the default group.
        var subnet = (await Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new("availability-zone", ["us-east-1a"])] })).Subnets[0];
        var instance = await RunInstanceAsync(subnet.SubnetId);
        async Task<VpcEndpoint> ConnectAsync() => (await Ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = subnet.VpcId, VpcEndpointType = VpcEndpointType.Interface, ServiceName = service.ServiceName, SubnetIds = [subnet.SubnetId],
        })).VpcEndpoint;
        var endpoint = await ConnectAsync();
        var name = $"{endpoint.DnsEntries[0].DnsName}:443";

        var pending = await ProbeAsync(instance, name);
        Assert.Equal((false, "LOCALVPC_ENDPOINT_PENDING_ACCEPTANCE", "vpc-endpoint"), (pending.Reachable, pending.ExplanationCode, pending.StoppedAt));
        Assert.Contains("accept", pending.Fix, StringComparison.OrdinalIgnoreCase);

        await providerEc2.AcceptVpcEndpointConnectionsAsync(new AcceptVpcEndpointConnectionsRequest { ServiceId = service.ServiceId, VpcEndpointIds = [endpoint.VpcEndpointId] });
        var noListener = await ProbeAsync(instance, name);
        Assert.Equal((false, "ELBV2_LISTENERS_MISMATCH", "load-balancer-listener"), (noListener.Reachable, noListener.ExplanationCode, noListener.StoppedAt));
        Assert.Contains("listener on port 443", noListener.Fix);

        var group = await Cli("elbv2", "create-target-group", "--name", "probe-app", "--protocol", "TCP", "--port", "8443", "--vpc-id", providerSubnet.VpcId,
            "--query", "TargetGroups[0].TargetGroupArn");
        await Cli("elbv2", "create-listener", "--load-balancer-arn", balancer, "--protocol", "TCP", "--port", "443",
            "--default-actions", $"Type=forward,TargetGroupArn={group}");
        Assert.Equal("target-group", (await ProbeAsync(instance, name)).StoppedAt);
        var app = (await providerEc2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = providerSubnet.SubnetId }))
            .Reservation.Instances[0].InstanceId;
        await Cli("elbv2", "register-targets", "--target-group-arn", group, "--targets", $"Id={app}");
        var open = await ProbeAsync(instance, name);
        Assert.True(open.Reachable, open.Fix);
        Assert.Contains(open.Hops, h => h.GetProperty("component").GetString() == "target-group" && h.GetProperty("detail").GetString()!.Contains($"{app}:8443"));

        var second = await ConnectAsync();
        await providerEc2.RejectVpcEndpointConnectionsAsync(new RejectVpcEndpointConnectionsRequest { ServiceId = service.ServiceId, VpcEndpointIds = [second.VpcEndpointId] });
        var rejected = await ProbeAsync(instance, $"{second.DnsEntries[0].DnsName}:443");
        Assert.Equal((false, "LOCALVPC_ENDPOINT_REJECTED"), (rejected.Reachable, rejected.ExplanationCode));
    }

    [Fact]
    public async Task UnknownNamesAndSources_AreExplained_AndBadQuestionsAre400()
    {
        var (_, subnet, defaultGroup) = await NewVpcAsync();
        var instance = await RunInstanceAsync(subnet, defaultGroup);
        Assert.Equal("LOCALVPC_NAME_NOT_RESOLVED", (await ProbeAsync(instance, "nothing.example.internal:443")).ExplanationCode);
        Assert.Equal("NO_SOURCE_OR_DESTINATION", (await ProbeAsync("i-0123456789abcdef0", "10.0.1.10:443")).ExplanationCode);

        await Ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instance] });
        var stopped = await ProbeAsync(instance, "10.0.1.10:443");
        Assert.Equal(("BAD_STATE", "source"), (stopped.ExplanationCode, stopped.StoppedAt));

        using var http = new HttpClient();
        var missingPort = await http.GetAsync($"{fixture.Server.Url}/_localvpc/probe?from={instance}&to=10.0.1.10&account={_account}");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, missingPort.StatusCode);
        var badProtocol = await http.GetAsync($"{fixture.Server.Url}/_localvpc/probe?from={instance}&to=10.0.1.10:443&protocol=sctp&account={_account}");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badProtocol.StatusCode);

        // A probe never brings an account into being: not for any string, nor for an unused account id.
        var anything = await http.GetAsync($"{fixture.Server.Url}/_localvpc/probe?from={instance}&to=10.0.1.10:443&account=ANYTHING");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, anything.StatusCode);
        var unused = ServerFixture.NewAccount();
        var nothing = await http.GetAsync($"{fixture.Server.Url}/_localvpc/probe?from={instance}&to=10.0.1.10:443&account={unused}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, nothing.StatusCode);
        var status = await http.GetStringAsync($"{fixture.Server.Url}/_localvpc/status");
        Assert.DoesNotContain(unused, status);
        Assert.DoesNotContain("ANYTHING", status);
    }

    [Fact]
    public async Task ProbeCommand_PrintsTheHops_AndExitsOneWhenBlocked_ZeroWhenReachable()
    {
        var (vpc, subnet, defaultGroup) = await NewVpcAsync();
        var endpointGroup = await GroupAsync(vpc, "kms-endpoint");
        var instance = await RunInstanceAsync(subnet, defaultGroup);
        await KmsEndpointAsync(vpc, subnet, endpointGroup);

        var blocked = await RunProbeAsync(instance, "kms.us-east-1.amazonaws.com:443", "--live");
        Assert.True(blocked.ExitCode == 1, blocked.Output);
        Assert.Contains("NOT REACHABLE: ENI_SG_RULES_MISMATCH", blocked.Output);
        Assert.Contains("Fix: Add an inbound rule tcp/443", blocked.Output);
        Assert.Contains("LIVE: refused by the VPC (ENI_SG_RULES_MISMATCH)", blocked.Output);

        await AllowInboundAsync(endpointGroup, 443, defaultGroup);
        var open = await RunProbeAsync(instance, "kms.us-east-1.amazonaws.com:443", "--json", "--live");
        Assert.True(open.ExitCode == 0, open.Output);
        var verdict = JsonDocument.Parse(open.Output).RootElement;
        Assert.True(verdict.GetProperty("reachable").GetBoolean());
        // The shared server has no KMS stand-in: the network carries the connection, and nothing serves it.
        Assert.Equal(("not-served", true), (verdict.GetProperty("live").GetProperty("outcome").GetString(), verdict.GetProperty("live").GetProperty("agrees").GetBoolean()));
    }

    private async Task<(int ExitCode, string Output)> RunProbeAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["AWS_ACCESS_KEY_ID"] = _account;
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "localvpc.dll"), "probe", "--from", args[0], "--to", args[1], "--endpoint-url", fixture.Server.Url }
                     .Concat(args.Skip(2)))
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
