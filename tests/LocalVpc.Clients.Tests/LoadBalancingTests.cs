using System.Net;
using System.Xml.Linq;
using LocalVpc.Ec2Api;
using LocalVpc.Ec2Api.Model;

namespace LocalVpc.Clients.Tests;

/// <summary>
/// Elastic Load Balancing v2 through the AWS CLI (`aws elbv2`; no AWS SDK for .NET package of it is served here)
/// and raw Query requests checked against botocore's elbv2 model.
/// </summary>
public sealed class LoadBalancingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly XNamespace Ns = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private readonly string _account = ServerFixture.NewAccount();

    private Task<AwsCli.Result> Aws(params string[] args) => AwsCli.RunAsync(fixture.Server, _account, args);

    private async Task<string> Text(params string[] args)
    {
        var result = await Aws([.. args, "--output", "text"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout.Trim();
    }

    [Fact]
    public async Task NetworkLoadBalancer_TargetGroupListenerTargets_AsAProviderBuildsThem()
    {
        var vpc = await Text("ec2", "describe-vpcs", "--query", "Vpcs[0].VpcId");
        var subnets = (await Text("ec2", "describe-subnets", "--filters", "Name=availability-zone,Values=us-east-1a,us-east-1b", "--query", "Subnets[].SubnetId")).Split('\t');
        var balancer = await Text(["elbv2", "create-load-balancer", "--name", "provider", "--type", "network", "--scheme", "internal", "--subnets", .. subnets,
            "--query", "LoadBalancers[0].LoadBalancerArn"]);
        Assert.Matches($@"^arn:aws:elasticloadbalancing:us-east-1:{_account}:loadbalancer/net/provider/[0-9a-f]{{16}}$", balancer);

        // One requester-managed interface per subnet, described as AWS describes them.
        var interfaces = await Text("ec2", "describe-network-interfaces", "--filters", "Name=interface-type,Values=network_load_balancer",
            "--query", "NetworkInterfaces[].[Description,RequesterManaged,SubnetId]");
        var rows = interfaces.Split('\n');
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.StartsWith($"ELB net/provider/{balancer[^16..]}\tTrue\t", r));

        var group = await Text("elbv2", "create-target-group", "--name", "app", "--protocol", "TCP", "--port", "8443", "--vpc-id", vpc,
            "--query", "TargetGroups[0].TargetGroupArn");
        var instance = await Text("ec2", "run-instances", "--image-id", "ami-12345678", "--subnet-id", subnets[0], "--query", "Instances[0].InstanceId");
        Assert.Equal(0, (await Aws("elbv2", "register-targets", "--target-group-arn", group, "--targets", $"Id={instance}")).ExitCode);
        Assert.Equal("unused", await Text("elbv2", "describe-target-health", "--target-group-arn", group, "--query", "TargetHealthDescriptions[0].TargetHealth.State"));

        var listener = await Text("elbv2", "create-listener", "--load-balancer-arn", balancer, "--protocol", "TCP", "--port", "443",
            "--default-actions", $"Type=forward,TargetGroupArn={group}", "--query", "Listeners[0].ListenerArn");
        Assert.Contains(":listener/net/provider/", listener);
        // Checked for real, every 30 s by default: a new target is initial until its checks decide.
        Assert.Equal($"{instance}\t8443\tinitial", await Text("elbv2", "describe-target-health", "--target-group-arn", group,
            "--query", "TargetHealthDescriptions[0].[Target.Id,Target.Port,TargetHealth.State]"));
        Assert.Equal(balancer, await Text("elbv2", "describe-target-groups", "--names", "app", "--query", "TargetGroups[0].LoadBalancerArns[0]"));

        // ModifyListener moves the listener to another port; a port another listener holds is refused.
        Assert.Equal("8443", await Text("elbv2", "modify-listener", "--listener-arn", listener, "--port", "8443", "--query", "Listeners[0].Port"));
        await Text("elbv2", "create-listener", "--load-balancer-arn", balancer, "--protocol", "TCP", "--port", "443",
            "--default-actions", $"Type=forward,TargetGroupArn={group}", "--query", "Listeners[0].ListenerArn");
        Assert.Contains("(DuplicateListener)", (await Aws("elbv2", "modify-listener", "--listener-arn", listener, "--port", "443")).Stderr);

        var inUse = await Aws("elbv2", "delete-target-group", "--target-group-arn", group);
        Assert.Contains("(ResourceInUse)", inUse.Stderr);
        var busySubnet = await Aws("ec2", "delete-subnet", "--subnet-id", subnets[1]);
        Assert.Contains("(DependencyViolation)", busySubnet.Stderr);

        // Deleting the load balancer takes its listeners and interfaces; then the group can go.
        Assert.Equal(0, (await Aws("elbv2", "delete-load-balancer", "--load-balancer-arn", balancer)).ExitCode);
        Assert.Equal("", await Text("ec2", "describe-network-interfaces", "--filters", "Name=interface-type,Values=network_load_balancer", "--query", "NetworkInterfaces[].NetworkInterfaceId"));
        Assert.Equal(0, (await Aws("elbv2", "delete-target-group", "--target-group-arn", group)).ExitCode);
    }

    [Fact]
    public async Task TargetHealth_ComesFromRealTcpChecks_UnhealthyWhileNothingListens_HealthyOnceTheAppIsUp()
    {
        var vpc = await Text("ec2", "describe-vpcs", "--query", "Vpcs[0].VpcId");
        var subnet = await Text("ec2", "describe-subnets", "--filters", "Name=availability-zone,Values=us-east-1a", "--query", "Subnets[0].SubnetId");
        var balancer = await Text("elbv2", "create-load-balancer", "--name", "checked", "--type", "network", "--scheme", "internal", "--subnets", subnet,
            "--query", "LoadBalancers[0].LoadBalancerArn");
        var group = await Text("elbv2", "create-target-group", "--name", "checked", "--protocol", "TCP", "--port", "8080", "--vpc-id", vpc,
            "--health-check-interval-seconds", "5", "--healthy-threshold-count", "2", "--unhealthy-threshold-count", "2",
            "--query", "TargetGroups[0].TargetGroupArn");
        Assert.Equal("5\t2\t2", await Text("elbv2", "describe-target-groups", "--target-group-arns", group,
            "--query", "TargetGroups[0].[HealthCheckIntervalSeconds,HealthyThresholdCount,UnhealthyThresholdCount]"));
        var instance = await Text("ec2", "run-instances", "--image-id", "ami-12345678", "--subnet-id", subnet, "--query", "Instances[0].InstanceId");
        await Text("elbv2", "register-targets", "--target-group-arn", group, "--targets", $"Id={instance}");
        await Text("elbv2", "create-listener", "--load-balancer-arn", balancer, "--protocol", "TCP", "--port", "80",
            "--default-actions", $"Type=forward,TargetGroupArn={group}", "--query", "Listeners[0].ListenerArn");

        // Nothing serves the instance's port 8080: two failed checks in a row make it unhealthy.
        Assert.Equal("unhealthy\tTarget.FailedHealthChecks", await HealthAsync(group, "unhealthy"));

        // The app comes up (the instance's port tag names it): two passed checks make it healthy.
        await using var app = new TcpSink("app");
        await Text("ec2", "create-tags", "--resources", instance, "--tags", $"Key=localvpc:port:8080,Value=127.0.0.1:{app.Port}");
        Assert.Equal("healthy\tNone", await HealthAsync(group, "healthy"));

        Assert.Equal(0, (await Aws("elbv2", "delete-load-balancer", "--load-balancer-arn", balancer)).ExitCode);
    }

    /// <summary>The first target's state and reason once it is <paramref name="wanted"/>, as an AWS waiter polls for it; the last seen after a minute.</summary>
    private async Task<string> HealthAsync(string group, string wanted)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        string seen;
        do seen = await Text("elbv2", "describe-target-health", "--target-group-arn", group,
            "--query", "TargetHealthDescriptions[0].[TargetHealth.State,TargetHealth.Reason]");
        while (!seen.StartsWith(wanted, StringComparison.Ordinal) && await Poll(deadline.Token));
        return seen;

        static async Task<bool> Poll(CancellationToken deadline)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), deadline);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    [Fact]
    public async Task Errors_AreElasticLoadBalancingsOwn()
    {
        var vpc = await Text("ec2", "describe-vpcs", "--query", "Vpcs[0].VpcId");
        var subnet = await Text("ec2", "describe-subnets", "--filters", "Name=availability-zone,Values=us-east-1a", "--query", "Subnets[0].SubnetId");
        Assert.Equal(0, (await Aws("elbv2", "create-load-balancer", "--name", "dup", "--type", "network", "--subnets", subnet)).ExitCode);

        async Task<string> Stderr(params string[] args) => (await Aws(args)).Stderr;
        Assert.Contains("(DuplicateLoadBalancerName)", await Stderr("elbv2", "create-load-balancer", "--name", "dup", "--type", "network", "--subnets", subnet));
        Assert.Contains("(SubnetNotFound)", await Stderr("elbv2", "create-load-balancer", "--name", "x", "--type", "network", "--subnets", "subnet-0000000000000000f"));
        Assert.Contains("(ValidationError)", await Stderr("elbv2", "create-load-balancer", "--name=-bad-", "--type", "network", "--subnets", subnet));
        Assert.Contains("(LoadBalancerNotFound)", await Stderr("elbv2", "describe-load-balancers", "--names", "nope"));
        Assert.Contains("(UnsupportedProtocol)", await Stderr("elbv2", "create-target-group", "--name", "g", "--protocol", "HTTP", "--port", "80", "--vpc-id", vpc));
        Assert.Contains("(TargetGroupNotFound)", await Stderr("elbv2", "register-targets", "--target-group-arn",
            $"arn:aws:elasticloadbalancing:us-east-1:{_account}:targetgroup/none/0000000000000000", "--targets", "Id=i-0000000000000000f"));
        var group = await Text("elbv2", "create-target-group", "--name", "g", "--protocol", "TCP", "--port", "80", "--vpc-id", vpc, "--query", "TargetGroups[0].TargetGroupArn");
        Assert.Contains("(InvalidTarget)", await Stderr("elbv2", "register-targets", "--target-group-arn", group, "--targets", "Id=i-0000000000000000f"));
    }

    [Fact]
    public async Task Attributes_StartAsAwsDefaults_ChangeByKey_AndUnknownKeysAreRefused()
    {
        // Defaults from the Network Load Balancer user guide; ip targets over TCP do not preserve the client's address.
        var vpc = await Text("ec2", "describe-vpcs", "--query", "Vpcs[0].VpcId");
        var subnet = await Text("ec2", "describe-subnets", "--filters", "Name=availability-zone,Values=us-east-1a", "--query", "Subnets[0].SubnetId");
        var balancer = await Text("elbv2", "create-load-balancer", "--name", "attrs", "--type", "network", "--subnets", subnet,
            "--query", "LoadBalancers[0].LoadBalancerArn");
        var group = await Text("elbv2", "create-target-group", "--name", "attrs", "--protocol", "TCP", "--port", "443", "--vpc-id", vpc,
            "--target-type", "ip", "--query", "TargetGroups[0].TargetGroupArn");

        Assert.Equal("false	any_availability_zone", await Text("elbv2", "describe-load-balancer-attributes", "--load-balancer-arn", balancer, "--query",
            "[Attributes[?Key=='load_balancing.cross_zone.enabled'].Value | [0], Attributes[?Key=='dns_record.client_routing_policy'].Value | [0]]"));
        Assert.Equal("300	false", await Text("elbv2", "describe-target-group-attributes", "--target-group-arn", group, "--query",
            "[Attributes[?Key=='deregistration_delay.timeout_seconds'].Value | [0], Attributes[?Key=='preserve_client_ip.enabled'].Value | [0]]"));

        Assert.Equal(0, (await Aws("elbv2", "modify-load-balancer-attributes", "--load-balancer-arn", balancer,
            "--attributes", "Key=deletion_protection.enabled,Value=true")).ExitCode);
        Assert.Equal("true", await Text("elbv2", "describe-load-balancer-attributes", "--load-balancer-arn", balancer, "--query",
            "Attributes[?Key=='deletion_protection.enabled'].Value | [0]"));
        var unknown = await Aws("elbv2", "modify-target-group-attributes", "--target-group-arn", group, "--attributes", "Key=routing.http2.enabled,Value=true");
        Assert.Contains("(ValidationError)", unknown.Stderr);
        Assert.Contains("is not recognized", unknown.Stderr);
        var notBool = await Aws("elbv2", "modify-load-balancer-attributes", "--load-balancer-arn", balancer, "--attributes", "Key=deletion_protection.enabled,Value=yes");
        Assert.Contains("(ValidationError)", notBool.Stderr);
    }

    [Fact]
    public async Task EveryAction_RepliesWithElementsTheModelHas_AndErrorsHaveTheQueryShape()
    {
        var model = ServiceModel.Elbv2;
        var replies = new Dictionary<string, XDocument>();
        async Task<XDocument> Call(string action, params (string, string)[] parameters)
        {
            var reply = await RawEc2.PostAsync(fixture.Server, _account, [("Action", action), ("Version", "2015-12-01"), .. parameters]);
            Assert.True(reply.Status == HttpStatusCode.OK, $"{action}: {reply.Body}");
            replies[action] = reply.Xml;
            return reply.Xml;
        }
        string Value(XDocument document, string element) => document.Descendants(Ns + element).First().Value;

        var vpcs = (await RawEc2.PostAsync(fixture.Server, _account, ("Action", "DescribeSubnets"), ("Version", "2016-11-15"))).Xml;
        XNamespace ec2 = "http://ec2.amazonaws.com/doc/2016-11-15/";
        var subnet = vpcs.Descendants(ec2 + "subnetId").First().Value;
        var vpc = vpcs.Descendants(ec2 + "vpcId").First().Value;
        var instance = (await RawEc2.PostAsync(fixture.Server, _account, ("Action", "RunInstances"), ("Version", "2016-11-15"),
            ("ImageId", "ami-12345678"), ("MinCount", "1"), ("MaxCount", "1"), ("SubnetId", subnet))).Xml.Descendants(ec2 + "instanceId").First().Value;

        var balancer = Value(await Call("CreateLoadBalancer", ("Name", "conformance"), ("Type", "network"), ("Subnets.member.1", subnet),
            ("Tags.member.1.Key", "k"), ("Tags.member.1.Value", "v")), "LoadBalancerArn");
        await Call("DescribeLoadBalancers", ("PageSize", "5"));
        await Call("SetIpAddressType", ("LoadBalancerArn", balancer), ("IpAddressType", "ipv4"));
        var group = Value(await Call("CreateTargetGroup", ("Name", "conformance"), ("Protocol", "TCP"), ("Port", "80"), ("VpcId", vpc)), "TargetGroupArn");
        await Call("RegisterTargets", ("TargetGroupArn", group), ("Targets.member.1.Id", instance));
        var listener = Value(await Call("CreateListener", ("LoadBalancerArn", balancer), ("Protocol", "TCP"), ("Port", "80"),
            ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", group)), "ListenerArn");
        await Call("DescribeListeners", ("LoadBalancerArn", balancer));
        await Call("ModifyListener", ("ListenerArn", listener), ("Port", "81"));
        await Call("DescribeLoadBalancerAttributes", ("LoadBalancerArn", balancer));
        await Call("ModifyLoadBalancerAttributes", ("LoadBalancerArn", balancer),
            ("Attributes.member.1.Key", "load_balancing.cross_zone.enabled"), ("Attributes.member.1.Value", "true"));
        await Call("DescribeTargetGroupAttributes", ("TargetGroupArn", group));
        await Call("ModifyTargetGroupAttributes", ("TargetGroupArn", group),
            ("Attributes.member.1.Key", "deregistration_delay.timeout_seconds"), ("Attributes.member.1.Value", "30"));
        await Call("DescribeListenerAttributes", ("ListenerArn", listener));
        await Call("ModifyListenerAttributes", ("ListenerArn", listener),
            ("Attributes.member.1.Key", "tcp.idle_timeout.seconds"), ("Attributes.member.1.Value", "600"));
        await Call("DescribeTargetGroups");
        await Call("ModifyTargetGroup", ("TargetGroupArn", group), ("HealthCheckIntervalSeconds", "10"));
        await Call("DescribeTargetHealth", ("TargetGroupArn", group));
        await Call("AddTags", ("ResourceArns.member.1", group), ("Tags.member.1.Key", "a"));
        await Call("DescribeTags", ("ResourceArns.member.1", balancer), ("ResourceArns.member.2", group));
        await Call("RemoveTags", ("ResourceArns.member.1", group), ("TagKeys.member.1", "a"));
        await Call("DeregisterTargets", ("TargetGroupArn", group), ("Targets.member.1.Id", instance));
        await Call("DeleteListener", ("ListenerArn", listener));
        await Call("DeleteTargetGroup", ("TargetGroupArn", group));
        await Call("DeleteLoadBalancer", ("LoadBalancerArn", balancer));

        Assert.Equal(ElbActionTable.Handlers.Keys.Order(), replies.Keys.Order());
        Assert.Empty(ElbActionTable.Handlers.Keys.Where(a => !model.Operations.ContainsKey(a)));
        var problems = replies.SelectMany(r => ModelValidator.QueryProblems(model, r.Key, r.Value)).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));

        var error = await RawEc2.PostAsync(fixture.Server, _account, ("Action", "DeleteListener"), ("Version", "2015-12-01"), ("ListenerArn", listener));
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        var root = error.Xml.Root!;
        Assert.Equal(Ns + "ErrorResponse", root.Name);
        Assert.Equal(["Type", "Code", "Message"], root.Element(Ns + "Error")!.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("ListenerNotFound", root.Element(Ns + "Error")!.Element(Ns + "Code")!.Value);
    }
}
