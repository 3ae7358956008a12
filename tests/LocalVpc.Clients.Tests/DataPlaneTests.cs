using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace LocalVpc.Clients.Tests;

/// <summary>
/// Endpoints that carry traffic: real connections through an instance's proxy, real DNS queries with dig, real TLS
/// to a real moto_server behind a KMS endpoint. The network is built with the AWS SDK for .NET and the aws CLI.
/// </summary>
[Collection(DataPlaneCollection.Name)]
public sealed class DataPlaneTests(DataPlaneFixture fixture)
{
    private const string Ami = "ami-0123456789abcdef0";
    private const byte NotAllowed = 0x02;
    private readonly string _account = ServerFixture.NewAccount();
    private AmazonEC2Client Ec2 => Sdk.Ec2(fixture.Server, _account);

    /// <summary>A shell's AWS settings for the aws CLI run through <c>localvpc exec</c>, none of the machine's own.</summary>
    private static readonly Dictionary<string, string> AwsShell = new()
    {
        ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test", ["AWS_DEFAULT_REGION"] = "us-east-1",
        ["AWS_CONFIG_FILE"] = "/dev/null", ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null", ["AWS_MAX_ATTEMPTS"] = "1",
    };

    private sealed record Network(string Vpc, string Subnet, string AppGroup, string EndpointGroup, string Instance);

    /// <summary>
    /// A VPC with DNS hostnames on, a private subnet, an instance in group "app" whose only outbound rule is 443 to the
    /// VPC, and an empty group for endpoints.
    /// </summary>
    private async Task<Network> NewNetworkAsync()
    {
        var vpc = (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        await Ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc, EnableDnsHostnames = true });
        var subnet = (await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1a" })).Subnet.SubnetId;
        var app = (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = "app", Description = "app" })).GroupId;
        await Ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest
        {
            GroupId = app, IpPermissions = [new IpPermission { IpProtocol = "-1", Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        });
        await EgressAsync(app, revoke: false);
        var endpointGroup = (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = "endpoints", Description = "endpoints" })).GroupId;
        var instance = (await Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = subnet, SecurityGroupIds = [app] }))
            .Reservation.Instances[0].InstanceId;
        return new Network(vpc, subnet, app, endpointGroup, instance);
    }

    private async Task EgressAsync(string group, bool revoke)
    {
        var rule = new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/16" }] };
        if (revoke) await Ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = group, IpPermissions = [rule] });
        else await Ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest { GroupId = group, IpPermissions = [rule] });
    }

    private async Task IngressAsync(string group, string fromGroup, bool revoke)
    {
        var rule = new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, UserIdGroupPairs = [new UserIdGroupPair { GroupId = fromGroup }] };
        if (revoke) await Ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = group, IpPermissions = [rule] });
        else await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = group, IpPermissions = [rule] });
    }

    private async Task<VpcEndpoint> EndpointAsync(Network network, string service, bool privateDns = true) =>
        (await Ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = network.Vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = $"com.amazonaws.us-east-1.{service}",
            SubnetIds = [network.Subnet], SecurityGroupIds = [network.EndpointGroup], PrivateDnsEnabled = privateDns,
        })).VpcEndpoint;

    /// <summary>What <see cref="TelnetAsync"/> gives when the connection reaches the SSM stand-in.</summary>
    private (byte, string?) Connected => (0, fixture.Ssm.Banner);

    /// <summary>Connects through the proxy and reads the sink's greeting: what "telnet NAME 443" shows.</summary>
    private static async Task<(byte Reply, string? Greeting)> TelnetAsync(string proxy, string host, int port)
    {
        var (reply, stream) = await Socks5Client.ConnectAsync(proxy, host, port);
        if (stream is null) return (reply, null);
        await using (stream)
        {
            using var reader = new StreamReader(stream, Encoding.ASCII);
            var greeting = await reader.ReadLineAsync();
            // The bytes go the other way too: the sink echoes them.
            await stream.WriteAsync("ping\n"u8.ToArray());
            Assert.Equal("ping", await reader.ReadLineAsync());
            return (reply, greeting);
        }
    }

    [Fact]
    public async Task TelnetToTheEndpointOn443_Connects_OnlyWithInstanceEgressAndEndpointIngress_AndNeverOnPort80()
    {
        // The classic endpoint test: https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html (security groups).
        var network = await NewNetworkAsync();
        await EndpointAsync(network, "ssm");
        var proxy = await DataPlaneFixture.ProxyOfAsync(fixture.Server, network.Instance);
        const string name = "ssm.us-east-1.amazonaws.com";

        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, name, 443)).Reply);

        await IngressAsync(network.EndpointGroup, network.AppGroup, revoke: false);
        Assert.Equal(Connected, await TelnetAsync(proxy, name, 443));
        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, name, 80)).Reply);

        // Changes apply to the next connection.
        await EgressAsync(network.AppGroup, revoke: true);
        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, name, 443)).Reply);
        await EgressAsync(network.AppGroup, revoke: false);
        Assert.Equal(Connected, await TelnetAsync(proxy, name, 443));
        await IngressAsync(network.EndpointGroup, network.AppGroup, revoke: true);
        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, name, 443)).Reply);
    }

    [Fact]
    public async Task PrivateDnsOff_TheServiceNameIsNotTheEndpoints_ButTheEndpointsOwnNameStillConnects()
    {
        var network = await NewNetworkAsync();
        var endpoint = await EndpointAsync(network, "ssm", privateDns: false);
        await IngressAsync(network.EndpointGroup, network.AppGroup, revoke: false);
        var proxy = await DataPlaneFixture.ProxyOfAsync(fixture.Server, network.Instance);

        // Without private DNS the public name leads to the internet, and the private subnet has no route there.
        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, "ssm.us-east-1.amazonaws.com", 443)).Reply);
        Assert.Equal(Connected, await TelnetAsync(proxy, endpoint.DnsEntries[0].DnsName, 443));

        await Ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = endpoint.VpcEndpointId, PrivateDnsEnabled = true });
        Assert.Equal(Connected, await TelnetAsync(proxy, "ssm.us-east-1.amazonaws.com", 443));
    }

    [Fact]
    public async Task Dig_AnswersEndpointAndInstanceNames_OverUdpAndTcp_FollowingPrivateDns()
    {
        var network = await NewNetworkAsync();
        var endpoint = await EndpointAsync(network, "kms");
        var endpointIp = (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = endpoint.NetworkInterfaceIds }))
            .NetworkInterfaces[0].PrivateIpAddress;
        var instanceIp = (await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [network.Instance] })).Reservations[0].Instances[0].PrivateIpAddress;
        var resolver = await DataPlaneFixture.ResolverOfAsync(fixture.Server, network.Vpc);

        Assert.Equal(endpointIp, await DigAsync(resolver, "kms.us-east-1.amazonaws.com"));
        Assert.Equal(endpointIp, await DigAsync(resolver, "kms.us-east-1.amazonaws.com", "+tcp"));
        Assert.Equal(endpointIp, await DigAsync(resolver, endpoint.DnsEntries[0].DnsName));
        Assert.Equal(endpointIp, await DigAsync(resolver, endpoint.DnsEntries[1].DnsName, "+tcp"));
        Assert.Equal(instanceIp, await DigAsync(resolver, $"ip-{instanceIp.Replace('.', '-')}.ec2.internal"));

        // Private DNS off: the public name is not the VPC's to answer, and this resolver is offline.
        await Ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = endpoint.VpcEndpointId, PrivateDnsEnabled = false });
        Assert.Equal("status: REFUSED", await DigAsync(resolver, "kms.us-east-1.amazonaws.com", "+noshort"));
        Assert.Equal(endpointIp, await DigAsync(resolver, endpoint.DnsEntries[0].DnsName));
    }

    [Fact]
    public async Task Dig_S3WildcardNames_AnswerWithTheInterfaceEndpoint_UnlessItsPrivateDnsIsOnlyForInboundResolvers()
    {
        // https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html: with a gateway endpoint
        // beside it, an S3 interface endpoint's private DNS serves only inbound resolvers unless told otherwise.
        var network = await NewNetworkAsync();
        var table = (await Ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new("vpc-id", [network.Vpc])] })).RouteTables[0].RouteTableId;
        await Ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = network.Vpc, VpcEndpointType = VpcEndpointType.Gateway, ServiceName = "com.amazonaws.us-east-1.s3", RouteTableIds = [table],
        });
        var endpoint = (await Ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = network.Vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = "com.amazonaws.us-east-1.s3",
            SubnetIds = [network.Subnet], SecurityGroupIds = [network.EndpointGroup], PrivateDnsEnabled = true,
        })).VpcEndpoint;
        var endpointIp = (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = endpoint.NetworkInterfaceIds }))
            .NetworkInterfaces[0].PrivateIpAddress;
        var resolver = await DataPlaneFixture.ResolverOfAsync(fixture.Server, network.Vpc);

        // Only for inbound resolvers (the default here): the VPC's own resolver leaves S3's names to the public DNS.
        Assert.Equal("status: REFUSED", await DigAsync(resolver, "my-bucket.s3.us-east-1.amazonaws.com", "+noshort"));

        await Ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest
        {
            VpcEndpointId = endpoint.VpcEndpointId, DnsOptions = new DnsOptionsSpecification { PrivateDnsOnlyForInboundResolverEndpoint = false },
        });
        Assert.Equal(endpointIp, await DigAsync(resolver, "my-bucket.s3.us-east-1.amazonaws.com"));
        Assert.Equal(endpointIp, await DigAsync(resolver, "s3.us-east-1.amazonaws.com"));
        Assert.Equal("status: REFUSED", await DigAsync(resolver, "a.b.s3.us-east-1.amazonaws.com", "+noshort"));
    }

    /// <summary>dig's short answer, or with +noshort the status line's status.</summary>
    private static async Task<string> DigAsync(string resolver, string name, string option = "+short")
    {
        var colon = resolver.LastIndexOf(':');
        var info = new ProcessStartInfo("dig");
        foreach (var arg in new[] { $"@{resolver[..colon]}", "-p", resolver[(colon + 1)..], name, "A", option == "+noshort" ? "+noall" : option, "+comments", "+tries=1", "+time=5" })
            info.ArgumentList.Add(arg);
        if (option == "+tcp") info.ArgumentList.Add("+short");
        var output = (await ChildProcess.RunAsync(info, "These tests query with dig: install it (apt-get install dnsutils) or run .ci/run.")).Stdout;
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (option == "+noshort")
            return lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"status: [A-Z]+")).First(m => m.Success).Value;
        return string.Join(",", lines.Where(l => !l.StartsWith(';')));
    }

    [Fact]
    public async Task AwsKmsCreateKey_ThroughLocalvpcExec_ReachesMotoBehindTheEndpoint_OverTls()
    {
        var network = await NewNetworkAsync();
        await EndpointAsync(network, "kms");
        await IngressAsync(network.EndpointGroup, network.AppGroup, revoke: false);

        // An endpoint URL in the user's shell must not bypass the instance's network: exec removes it.
        var (exitCode, output) = await LocalVpcCli.RunAsync(new Dictionary<string, string>(AwsShell) { ["AWS_ENDPOINT_URL"] = fixture.Server.Url }, "exec", "--endpoint-url", fixture.Server.Url, network.Instance, "--", "aws", "kms", "create-key", "--description", _account,
            "--query", "KeyMetadata.KeyId", "--output", "text");
        Assert.True(exitCode == 0, output);
        var keyId = output.Trim().Split('\n')[^1];

        // The key is in moto: the call went through the endpoint to the stand-in.
        var inMoto = await AwsCli.RunAsync(fixture.Kms.Url, "test", "kms", "describe-key", "--key-id", keyId);
        Assert.True(inMoto.ExitCode == 0, inMoto.Stderr);
        Assert.Equal(_account, inMoto.Json.GetProperty("KeyMetadata").GetProperty("Description").GetString());

        // Without the endpoint group's inbound 443, the same call cannot connect.
        await IngressAsync(network.EndpointGroup, network.AppGroup, revoke: true);
        var (deniedExit, deniedOutput) = await LocalVpcCli.RunAsync(AwsShell, "exec", "--endpoint-url", fixture.Server.Url, network.Instance, "--", "aws", "kms", "list-keys");
        Assert.True(deniedExit != 0, deniedOutput);
        await fixture.Server.WaitForOutputAsync($"{network.Instance} → kms.us-east-1.amazonaws.com:443: denied (reject) ENI_SG_RULES_MISMATCH");
    }

    [Fact]
    public async Task ProvidersService_AcrossAccounts_WaitsForAcceptance_ThenReachesTheTargetsPortThroughTheBalancer()
    {
        // The provider: an NLB listening on 443, forwarding to an instance whose port 8443 the tag maps to the SSM stand-in's
        // port, and to an ip target on loopback.
        var provider = ServerFixture.NewAccount();
        var providerEc2 = Sdk.Ec2(fixture.Server, provider);
        Task<string> Cli(params string[] args) => AwsCli.TextAsync(fixture.Server, provider, args);
        var providerSubnet = (await providerEc2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new("availability-zone", ["us-east-1a"])] })).Subnets[0];
        var balancer = await Cli("elbv2", "create-load-balancer", "--name", "svc", "--type", "network", "--scheme", "internal",
            "--subnets", providerSubnet.SubnetId, "--query", "LoadBalancers[0].LoadBalancerArn");
        var group = await Cli("elbv2", "create-target-group", "--name", "app", "--protocol", "TCP", "--port", "8443", "--vpc-id", providerSubnet.VpcId,
            "--query", "TargetGroups[0].TargetGroupArn");
        await Cli("elbv2", "create-listener", "--load-balancer-arn", balancer, "--protocol", "TCP", "--port", "443", "--default-actions", $"Type=forward,TargetGroupArn={group}");
        var app = (await providerEc2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = providerSubnet.SubnetId,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("localvpc:port:8443", $"127.0.0.1:{fixture.Ssm.Port}")] }],
        })).Reservation.Instances[0].InstanceId;
        await Cli("elbv2", "register-targets", "--target-group-arn", group, "--targets", $"Id={app}");
        var service = (await providerEc2.CreateVpcEndpointServiceConfigurationAsync(new CreateVpcEndpointServiceConfigurationRequest
        {
            NetworkLoadBalancerArns = [balancer], AcceptanceRequired = true,
        })).ServiceConfiguration;
        await providerEc2.ModifyVpcEndpointServicePermissionsAsync(new ModifyVpcEndpointServicePermissionsRequest
        {
            ServiceId = service.ServiceId, AddAllowedPrincipals = [$"arn:aws:iam::{_account}:root"],
        });

        // The consumer connects: pendingAcceptance carries nothing.
        var network = await NewNetworkAsync();
        await IngressAsync(network.EndpointGroup, network.AppGroup, revoke: false);
        var endpoint = (await Ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = network.Vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = service.ServiceName,
            SubnetIds = [network.Subnet], SecurityGroupIds = [network.EndpointGroup],
        })).VpcEndpoint;
        Assert.Equal(State.PendingAcceptance, endpoint.State);
        var proxy = await DataPlaneFixture.ProxyOfAsync(fixture.Server, network.Instance);
        var name = endpoint.DnsEntries[0].DnsName;
        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, name, 443)).Reply);

        await providerEc2.AcceptVpcEndpointConnectionsAsync(new AcceptVpcEndpointConnectionsRequest { ServiceId = service.ServiceId, VpcEndpointIds = [endpoint.VpcEndpointId] });
        Assert.Equal(Connected, await TelnetAsync(proxy, name, 443));

        // An ip target on loopback serves as it is.
        await Cli("elbv2", "deregister-targets", "--target-group-arn", group, "--targets", $"Id={app}");
        var ipGroup = await Cli("elbv2", "create-target-group", "--name", "ip", "--protocol", "TCP", "--port", "443", "--vpc-id", providerSubnet.VpcId,
            "--target-type", "ip", "--query", "TargetGroups[0].TargetGroupArn");
        await Cli("elbv2", "register-targets", "--target-group-arn", ipGroup, "--targets", $"Id=127.0.0.1,Port={fixture.Ssm.Port}");
        var listener = await Cli("elbv2", "describe-listeners", "--load-balancer-arn", balancer, "--query", "Listeners[0].ListenerArn");
        await Cli("elbv2", "delete-listener", "--listener-arn", listener);
        await Cli("elbv2", "create-listener", "--load-balancer-arn", balancer, "--protocol", "TCP", "--port", "443", "--default-actions", $"Type=forward,TargetGroupArn={ipGroup}");
        Assert.Equal(Connected, await TelnetAsync(proxy, name, 443));
    }

    [Fact]
    public async Task AnInstanceInAPeeredVpcOfAnotherAccount_ReachesTheInterfaceEndpoint_ButNeverThePeersGatewayEndpoint()
    {
        // This account: the endpoint's VPC (10.0.0.0/16), its group open on 443 to the peer's VPC.
        var network = await NewNetworkAsync();
        await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = network.EndpointGroup,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "10.1.0.0/16" }] }],
        });
        var endpoint = await EndpointAsync(network, "ssm");
        var endpointIp = (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = endpoint.NetworkInterfaceIds }))
            .NetworkInterfaces[0].PrivateIpAddress;

        // Another account's VPC (10.1.0.0/16) with an instance that may send anywhere.
        var other = ServerFixture.NewAccount();
        var otherEc2 = Sdk.Ec2(fixture.Server, other);
        var otherVpc = (await otherEc2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" })).Vpc.VpcId;
        var otherSubnet = (await otherEc2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = otherVpc, CidrBlock = "10.1.1.0/24" })).Subnet.SubnetId;
        var instance = (await otherEc2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = otherSubnet }))
            .Reservation.Instances[0].InstanceId;
        var proxy = await DataPlaneFixture.ProxyOfAsync(fixture.Server, instance);
        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, endpointIp, 443)).Reply); // no peering yet

        // The peering, accepted by this account, with a route each way.
        var peering = (await otherEc2.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest
        {
            VpcId = otherVpc, PeerVpcId = network.Vpc, PeerOwnerId = _account,
        })).VpcPeeringConnection.VpcPeeringConnectionId;
        await Ec2.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = peering });
        async Task<string> MainTable(AmazonEC2Client ec2, string vpc) => (await ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new("vpc-id", [vpc]), new("association.main", ["true"])],
        })).RouteTables[0].RouteTableId;
        var otherTable = await MainTable(otherEc2, otherVpc);
        await otherEc2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = otherTable, DestinationCidrBlock = "10.0.0.0/16", VpcPeeringConnectionId = peering });
        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, endpointIp, 443)).Reply); // the answer has no way back yet
        var table = await MainTable(Ec2, network.Vpc);
        await Ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "10.1.0.0/16", VpcPeeringConnectionId = peering });

        Assert.Equal(Connected, await TelnetAsync(proxy, endpointIp, 443));

        // A gateway endpoint serves its own VPC only: S3 sent through the peering goes nowhere.
        await Ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = network.Vpc, VpcEndpointType = VpcEndpointType.Gateway, ServiceName = "com.amazonaws.us-east-1.s3", RouteTableIds = [table],
        });
        await otherEc2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = otherTable, DestinationCidrBlock = "0.0.0.0/0", VpcPeeringConnectionId = peering });
        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, "s3.us-east-1.amazonaws.com", 443)).Reply);
        using var http = new HttpClient();
        var probe = JsonDocument.Parse(await http.GetStringAsync(
            $"{fixture.Server.Url}/_localvpc/probe?from={instance}&to=s3.us-east-1.amazonaws.com:443&account={other}")).RootElement;
        Assert.Equal("NO_ROUTE_TO_DESTINATION", probe.GetProperty("explanationCode").GetString());

        // Deleting the peering leaves blackhole routes, and the endpoint is out of reach again.
        await Ec2.DeleteVpcPeeringConnectionAsync(new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = peering });
        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, endpointIp, 443)).Reply);
    }

    [Fact]
    public async Task Proxy_NeverReachesTheHostsOwnServices_NorTheInternetUnlessAllowed()
    {
        // An instance in the default VPC has a public address and a route to the internet gateway: the VPC would let it out.
        var subnet = (await Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new("availability-zone", ["us-east-1a"])] })).Subnets[0];
        var instance = (await Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Ami, MinCount = 1, MaxCount = 1, SubnetId = subnet.SubnetId }))
            .Reservation.Instances[0].InstanceId;
        var proxy = await DataPlaneFixture.ProxyOfAsync(fixture.Server, instance);

        // LocalVpc's own API, the SSM stand-in and localhost by name: none is anything the instance can reach.
        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, "127.0.0.1", fixture.Server.Port)).Reply);
        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, "127.0.0.1", fixture.Ssm.Port)).Reply);
        Assert.Equal(NotAllowed, (await TelnetAsync(proxy, "localhost", fixture.Server.Port)).Reply);

        // HTTP CONNECT says why.
        var live = await global::LocalVpc.Network.LiveProbe.ConnectAsync(System.Net.IPEndPoint.Parse(proxy), "127.0.0.1", fixture.Server.Port, TimeSpan.FromSeconds(10), default);
        Assert.Equal(("internet-withheld", "LOCALVPC_INTERNET_DENIED"), (live.Outcome, live.ExplanationCode));
    }

    /// <summary>
    /// The records of a VPC that <c>/_localvpc/flows</c> holds after <paramref name="after"/>: asks (a long poll, answered as
    /// soon as records are delivered) until <paramref name="count"/> have come, a bounded number of times.
    /// </summary>
    private async Task<List<JsonElement>> FlowsAsync(string vpc, long after, int count)
    {
        var records = new List<JsonElement>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        for (var ask = 0; ask < 6 && records.Count < count; ask++)
        {
            var page = JsonDocument.Parse(await http.GetStringAsync($"{fixture.Server.Url}/_localvpc/flows?vpc={vpc}&after={after}&wait=10")).RootElement;
            records.AddRange(page.GetProperty("records").EnumerateArray());
            after = page.GetProperty("last").GetInt64();
        }
        return records;
    }

    [Fact]
    public async Task FlowLog_OfTelnetThroughExec_ShowsRejectAtTheEndpointsInterface_ThenAcceptAtBoth_InFilesLaidOutAsOnS3()
    {
        var network = await NewNetworkAsync();
        var endpoint = await EndpointAsync(network, "ssm");
        var endpointEni = Assert.Single(endpoint.NetworkInterfaceIds);
        var endpointIp = (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [endpointEni] }))
            .NetworkInterfaces[0].PrivateIpAddress;
        var instance = (await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [network.Instance] })).Reservations[0].Instances[0];
        var instanceEni = instance.NetworkInterfaces[0].NetworkInterfaceId;
        const string Format = "${version} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${packets} ${bytes} ${action} ${tcp-flags} ${flow-direction}";
        var flowLog = Assert.Single((await Ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceType = FlowLogsResourceType.VPC, ResourceIds = [network.Vpc], TrafficType = TrafficType.ALL, LogDestinationType = LogDestinationType.S3,
            LogDestination = $"arn:aws:s3:::flows-{_account}/team", LogFormat = Format,
        })).FlowLogIds);
        Dictionary<string, string> Fields(JsonElement record) =>
            Format.Split(' ').Select(f => f[2..^1]).Zip(record.GetProperty("line").GetString()!.Split(' ')).ToDictionary(p => p.First, p => p.Second);

        // "My telnet hangs": the endpoint's group has no inbound 443. The flow log says REJECT at the endpoint's interface.
        var refused = await LocalVpcCli.RunAsync(null, "exec", "--endpoint-url", fixture.Server.Url, network.Instance, "--", "telnet", "ssm.us-east-1.amazonaws.com", "443");
        Assert.DoesNotContain("Connected to", refused.Output);
        var reject = Assert.Single(await FlowsAsync(network.Vpc, 0, 1));
        Assert.Equal("ENI_SG_RULES_MISMATCH", reject.GetProperty("explanation").GetString());
        var rejected = Fields(reject);
        Assert.Equal((endpointEni, instance.PrivateIpAddress, endpointIp, "443", "REJECT", "2", "ingress", "5"),
            (rejected["interface-id"], rejected["srcaddr"], rejected["dstaddr"], rejected["dstport"], rejected["action"], rejected["tcp-flags"],
                rejected["flow-direction"], rejected["version"]));

        // With the rule, the same telnet connects: ACCEPT both ways at both interfaces, with the kernel's packet counts.
        await IngressAsync(network.EndpointGroup, network.AppGroup, revoke: false);
        var connected = await LocalVpcCli.RunAsync(null, "exec", "--endpoint-url", fixture.Server.Url, network.Instance, "--", "telnet", "ssm.us-east-1.amazonaws.com", "443");
        Assert.Contains("Connected to", connected.Output);
        var accepts = (await FlowsAsync(network.Vpc, reject.GetProperty("sequence").GetInt64(), 4)).Select(Fields).ToList();
        Assert.Equal(4, accepts.Count);
        Assert.All(accepts, a => Assert.Equal("ACCEPT", a["action"]));
        Assert.All(accepts, a => Assert.True(long.Parse(a["packets"]) > 0, $"packets {a["packets"]}"));
        var request = Assert.Single(accepts, a => a["interface-id"] == instanceEni && a["flow-direction"] == "egress");
        Assert.Equal((instance.PrivateIpAddress, endpointIp, "443"), (request["srcaddr"], request["dstaddr"], request["dstport"]));
        var answer = Assert.Single(accepts, a => a["interface-id"] == endpointEni && a["flow-direction"] == "egress");
        Assert.Equal((endpointIp, instance.PrivateIpAddress, "443", request["srcport"]), (answer["srcaddr"], answer["dstaddr"], answer["srcport"], answer["dstport"]));
        Assert.Equal(2, accepts.Count(a => a["flow-direction"] == "ingress"));

        // The same records, in gzipped files under AWS's key layout, each with the format's field names first.
        var folder = Path.Combine(fixture.Server.DataDirectory, "flow-logs", "s3", $"flows-{_account}", "team", "AWSLogs", _account, "vpcflowlogs", "us-east-1");
        var files = Directory.GetFiles(folder, "*.log.gz", SearchOption.AllDirectories);
        Assert.All(files, f => Assert.Matches($@"^{_account}_vpcflowlogs_us-east-1_{flowLog}_\d{{8}}T\d{{4}}Z_[0-9a-f]{{8}}\.log\.gz$", Path.GetFileName(f)));
        var lines = files.SelectMany(f =>
        {
            using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(f), System.IO.Compression.CompressionMode.Decompress);
            return new StreamReader(gzip).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }).ToList();
        Assert.Equal(files.Length, lines.Count(l => l == string.Join(' ', Format.Split(' ').Select(f => f[2..^1]))));
        Assert.Equal(5, lines.Count(l => l.StartsWith("5 ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ExecTelnet_ThroughProxychains_PrintsConnected_AndStatusListsTheProxyAndResolver()
    {
        var network = await NewNetworkAsync();
        await EndpointAsync(network, "ssm");
        await IngressAsync(network.EndpointGroup, network.AppGroup, revoke: false);

        var (exitCode, output) = await LocalVpcCli.RunAsync(null, "exec", "--endpoint-url", fixture.Server.Url, network.Instance, "--",
            "telnet", "ssm.us-east-1.amazonaws.com", "443");
        Assert.Contains("Connected to ssm.us-east-1.amazonaws.com", output);

        var status = await LocalVpcCli.RunAsync(null, "status", "--json", "--endpoint-url", fixture.Server.Url);
        Assert.True(status.ExitCode == 0, status.Output);
        var vpc = JsonDocument.Parse(status.Output).RootElement.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("account").GetString() == _account)
            .GetProperty("regions")[0].GetProperty("vpcs").EnumerateArray().Single(v => v.GetProperty("vpcId").GetString() == network.Vpc);
        Assert.Equal(await DataPlaneFixture.ResolverOfAsync(fixture.Server, network.Vpc), vpc.GetProperty("dns").GetString());
        Assert.StartsWith("127.0.0.1:", vpc.GetProperty("instances")[0].GetProperty("proxy").GetString());
        var tree = await LocalVpcCli.RunAsync(null, "status", "--endpoint-url", fixture.Server.Url);
        Assert.Contains(network.Instance, tree.Output);
        Assert.Contains("ssm.us-east-1.amazonaws.com", tree.Output);
    }
}
