using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LocalVpc.Status;
using Spectre.Console;

namespace LocalVpc.Demo;

/// <summary>
/// <c>localvpc demo</c>: the story of a VPC endpoint, built step by step on a LocalVpc and narrated: why an instance in a
/// private subnet needs one, where it lives, its security groups, private DNS, acceptance by a provider, and the test.
/// Every step prints the aws command that does the same by hand.
/// </summary>
internal sealed class DemoCommand : IAsyncDisposable
{
    private const string Kms = "kms.us-east-1.amazonaws.com";

    /// <summary>
    /// How long a live test waits for an answer. Defaults to 10 s: a connection that is carried answers well before, even on
    /// a loaded machine; only a dropped one waits this long, and the demo's own server refuses rather than drops.
    /// </summary>
    private const int LiveTimeoutSeconds = 10;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly List<Process> _children = [];
    private readonly TcpListener _providerApp = new(IPAddress.Loopback, 0);
    private string _url = "";
    private string? _ownData;

    public static async Task<int> RunAsync(string? endpointUrl, bool keep, CancellationToken cancellationToken)
    {
        await using var demo = new DemoCommand();
        try
        {
            return await demo.RunStepsAsync(endpointUrl, keep, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
        {
            AnsiConsole.MarkupLine($"[red]The demo stopped:[/] {Markup.Escape(e.Message)}");
            return 1;
        }
    }

    private async Task<int> RunStepsAsync(string? endpointUrl, bool keep, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 120;
        _url = endpointUrl ?? await StartOwnServerAsync();
        // Fresh accounts, so the demo never touches anything else on the server.
        var consumer = new QueryClient(_http, _url, NewAccount("1"));
        var provider = new QueryClient(_http, _url, NewAccount("2"));
        _providerApp.Start();
        _ = ServeProviderAppAsync(cancellationToken);
        AnsiConsole.MarkupLine($"LocalVpc at [bold]{_url}[/]; the consumer is account [bold]{consumer.Account}[/], the provider [bold]{provider.Account}[/].");
        AnsiConsole.MarkupLine("To repeat a step by hand, first:");
        Aws($"export AWS_ENDPOINT_URL={_url} AWS_ACCESS_KEY_ID={consumer.Account} AWS_SECRET_ACCESS_KEY=x AWS_DEFAULT_REGION=us-east-1");

        // 1. Why: an instance in a private subnet cannot reach KMS.
        Step("1. Why an endpoint", "An app on an instance in a private subnet must call KMS.");
        var vpc = Value(await consumer.Ec2Async("CreateVpc", ("CidrBlock", "10.0.0.0/16")), "vpcId");
        await consumer.Ec2Async("ModifyVpcAttribute", ("VpcId", vpc), ("EnableDnsHostnames.Value", "true"));
        Aws($"aws ec2 create-vpc --cidr-block 10.0.0.0/16   # {vpc}", $"aws ec2 modify-vpc-attribute --vpc-id {vpc} --enable-dns-hostnames '{{\"Value\":true}}'");
        var subnetA = await SubnetAsync(consumer, vpc, "10.0.1.0/24", "us-east-1a");
        var subnetB = await SubnetAsync(consumer, vpc, "10.0.2.0/24", "us-east-1b");
        var appGroup = Value(await consumer.Ec2Async("CreateSecurityGroup", ("VpcId", vpc), ("GroupName", "app"), ("GroupDescription", "the app")), "groupId");
        var instance = Value(await consumer.Ec2Async("RunInstances", ("ImageId", "ami-12345678"), ("MinCount", "1"), ("MaxCount", "1"),
            ("SubnetId", subnetA), ("SecurityGroupId.1", appGroup)), "instanceId");
        Aws($"aws ec2 create-security-group --vpc-id {vpc} --group-name app --description 'the app'   # {appGroup}",
            $"aws ec2 run-instances --image-id ami-12345678 --subnet-id {subnetA} --security-group-ids {appGroup}   # {instance}");
        await ProbeAsync(consumer, instance, Kms, "Its route table only knows the VPC itself:");

        var igw = Value(await consumer.Ec2Async("CreateInternetGateway"), "internetGatewayId");
        await consumer.Ec2Async("AttachInternetGateway", ("InternetGatewayId", igw), ("VpcId", vpc));
        var publicSubnet = await SubnetAsync(consumer, vpc, "10.0.100.0/24", "us-east-1a");
        var publicTable = Value(await consumer.Ec2Async("CreateRouteTable", ("VpcId", vpc)), "routeTableId");
        await consumer.Ec2Async("CreateRoute", ("RouteTableId", publicTable), ("DestinationCidrBlock", "0.0.0.0/0"), ("GatewayId", igw));
        await consumer.Ec2Async("AssociateRouteTable", ("RouteTableId", publicTable), ("SubnetId", publicSubnet));
        var eip = Value(await consumer.Ec2Async("AllocateAddress", ("Domain", "vpc")), "allocationId");
        var nat = Value(await consumer.Ec2Async("CreateNatGateway", ("SubnetId", publicSubnet), ("AllocationId", eip)), "natGatewayId");
        var mainTable = Value(await consumer.Ec2Async("DescribeRouteTables", ("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", vpc),
            ("Filter.2.Name", "association.main"), ("Filter.2.Value.1", "true")), "routeTableId");
        await consumer.Ec2Async("CreateRoute", ("RouteTableId", mainTable), ("DestinationCidrBlock", "0.0.0.0/0"), ("NatGatewayId", nat));
        Aws($"aws ec2 create-internet-gateway; aws ec2 attach-internet-gateway --vpc-id {vpc} --internet-gateway-id {igw}",
            $"aws ec2 create-route-table --vpc-id {vpc}; aws ec2 create-route --route-table-id {publicTable} --destination-cidr-block 0.0.0.0/0 --gateway-id {igw}",
            $"aws ec2 associate-route-table --route-table-id {publicTable} --subnet-id {publicSubnet}; aws ec2 allocate-address --domain vpc   # {eip}");
        Aws($"aws ec2 create-nat-gateway --subnet-id {publicSubnet} --allocation-id {eip}   # {nat}, in a public subnet with an internet gateway",
            $"aws ec2 create-route --route-table-id {mainTable} --destination-cidr-block 0.0.0.0/0 --nat-gateway-id {nat}");
        await ProbeAsync(consumer, instance, Kms, "With a NAT gateway it would work, but KMS traffic would leave the VPC for the internet:");
        await consumer.Ec2Async("DeleteRoute", ("RouteTableId", mainTable), ("DestinationCidrBlock", "0.0.0.0/0"));
        Aws($"aws ec2 delete-route --route-table-id {mainTable} --destination-cidr-block 0.0.0.0/0   # keep the subnet private");

        // 2. Where it lives: an interface endpoint, one network interface per subnet.
        Step("2. Where it lives", "An interface endpoint puts a network interface with a private IP in each subnet you give it.");
        var endpointGroup = Value(await consumer.Ec2Async("CreateSecurityGroup", ("VpcId", vpc), ("GroupName", "kms-endpoint"), ("GroupDescription", "the endpoint")), "groupId");
        var endpoint = await consumer.Ec2Async("CreateVpcEndpoint", ("VpcId", vpc), ("VpcEndpointType", "Interface"), ("ServiceName", "com.amazonaws.us-east-1.kms"),
            ("SubnetId.1", subnetA), ("SubnetId.2", subnetB), ("SecurityGroupId.1", endpointGroup), ("PrivateDnsEnabled", "true"));
        var endpointId = Value(endpoint, "vpcEndpointId");
        Aws($"aws ec2 create-security-group --vpc-id {vpc} --group-name kms-endpoint --description 'the endpoint'   # {endpointGroup}",
            $"aws ec2 create-vpc-endpoint --vpc-id {vpc} --vpc-endpoint-type Interface --service-name com.amazonaws.us-east-1.kms \\\n    --subnet-ids {subnetA} {subnetB} --security-group-ids {endpointGroup} --private-dns-enabled   # {endpointId}");
        var interfaceIds = endpoint.Descendants().Where(e => e.Name.LocalName == "item" && e.Parent?.Name.LocalName == "networkInterfaceIdSet").Select(e => e.Value).ToList();
        var interfaces = await consumer.Ec2Async("DescribeNetworkInterfaces", [.. interfaceIds.Select((id, i) => ($"NetworkInterfaceId.{i + 1}", id))]);
        var table = new Table().AddColumns("network interface", "subnet", "zone", "private IP");
        foreach (var eni in interfaces.Descendants().Where(e => e.Name.LocalName == "item" && e.Parent?.Name.LocalName == "networkInterfaceSet"))
            table.AddRow(Value(eni, "networkInterfaceId"), Value(eni, "subnetId"), Value(eni, "availabilityZone"), Value(eni, "privateIpAddress"));
        AnsiConsole.Write(table);

        // 3. Security groups: the endpoint's group must let 443 in.
        Step("3. Security groups", "The endpoint's group has no inbound rule yet: the test from the instance does not connect.");
        var flowLog = Value(await consumer.Ec2Async("CreateFlowLogs", ("ResourceType", "VPC"), ("ResourceId.1", vpc), ("TrafficType", "REJECT"),
            ("LogDestinationType", "s3"), ("LogDestination", "arn:aws:s3:::demo-flow-logs")), "item");
        Aws($"aws ec2 create-flow-logs --resource-type VPC --resource-ids {vpc} --traffic-type REJECT \\\n    --log-destination-type s3 --log-destination arn:aws:s3:::demo-flow-logs   # {flowLog}");
        await LiveAsync(consumer, instance, Kms, 443);
        await RejectsAsync(vpc, "The VPC's flow log has the REJECT, at the endpoint's interface:");
        await ProbeAsync(consumer, instance, Kms, "Why:");
        await consumer.Ec2Async("AuthorizeSecurityGroupIngress", ("GroupId", endpointGroup), ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", "443"),
            ("IpPermissions.1.ToPort", "443"), ("IpPermissions.1.Groups.1.GroupId", appGroup));
        Aws($"aws ec2 authorize-security-group-ingress --group-id {endpointGroup} --protocol tcp --port 443 --source-group {appGroup}");
        await LiveAsync(consumer, instance, Kms, 443);

        // 4. Private DNS: the service's public name answers with the endpoint's addresses inside the VPC.
        Step("4. Private DNS", $"Inside {vpc}, {Kms} now resolves to the endpoint's private IPs.");
        var resolver = await ResolverAsync(vpc);
        var answers = await DigAsync(resolver, Kms);
        Aws($"dig @{resolver.Address} -p {resolver.Port} {Kms} +short   # the VPC's resolver, from localvpc status");
        foreach (var answer in answers) AnsiConsole.MarkupLine($"  [green]{answer}[/]");

        // 5. Acceptance: a provider in another account offers its own service; the endpoint waits until it accepts.
        Step("5. Acceptance", $"Account {provider.Account} offers its own service behind a network load balancer, with acceptance required.");
        var (serviceId, serviceName) = await ProviderServiceAsync(provider, consumer.Account);
        var own = await consumer.Ec2Async("CreateVpcEndpoint", ("VpcId", vpc), ("VpcEndpointType", "Interface"), ("ServiceName", serviceName),
            ("SubnetId.1", subnetA), ("SecurityGroupId.1", endpointGroup));
        var ownId = Value(own, "vpcEndpointId");
        var ownName = QueryClient.Values(own, "dnsName").First();
        Aws($"aws ec2 create-vpc-endpoint --vpc-id {vpc} --vpc-endpoint-type Interface --service-name {serviceName} --subnet-ids {subnetA} --security-group-ids {endpointGroup}");
        AnsiConsole.MarkupLine($"{ownId} is [yellow]{Value(own, "state")}[/].");
        await LiveAsync(consumer, instance, ownName, 443);
        await provider.Ec2Async("AcceptVpcEndpointConnections", ("ServiceId", serviceId), ("VpcEndpointId.1", ownId));
        Aws($"AWS_ACCESS_KEY_ID={provider.Account} aws ec2 accept-vpc-endpoint-connections --service-id {serviceId} --vpc-endpoint-ids {ownId}");
        await LiveAsync(consumer, instance, ownName, 443);

        // 6. The test, for real.
        Step("6. The test", "A real TCP connection on 443 through the endpoint, and an SDK call from the instance.");
        await LiveAsync(consumer, instance, Kms, 443);
        await SdkCallAsync(instance);

        AnsiConsole.Write(new Rule());
        if (keep)
        {
            AnsiConsole.MarkupLine($"Everything stays in place: [bold]localvpc status --endpoint-url {_url}[/], or the aws commands above.");
            if (_ownData is not null)
            {
                AnsiConsole.MarkupLine("LocalVpc keeps running; Ctrl-C ends it.");
                await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { });
            }
        }
        else if (endpointUrl is not null)
        {
            await consumer.Ec2Async("DeleteVpcEndpoints", ("VpcEndpointId.1", endpointId), ("VpcEndpointId.2", ownId));
            await provider.Ec2Async("DeleteVpcEndpointServiceConfigurations", ("ServiceId.1", serviceId));
            await consumer.Ec2Async("TerminateInstances", ("InstanceId.1", instance));
            AnsiConsole.MarkupLine("The demo's endpoints, service and instance are removed (--keep leaves them).");
        }
        return 0;
    }

    private static void Step(string title, string why)
    {
        AnsiConsole.WriteLine();
        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
        AnsiConsole.MarkupLine(Markup.Escape(why));
    }

    /// <summary>The commands that do the same by hand; piped, each stays on one line so it can be copied and run.</summary>
    private static void Aws(params string[] commands)
    {
        foreach (var command in commands)
            if (Console.IsOutputRedirected) Console.WriteLine($"$ {command}");
            else AnsiConsole.MarkupLine($"[grey]$ {Markup.Escape(command)}[/]");
    }

    private static string Value(System.Xml.Linq.XElement element, string name) => QueryClient.Value(element, name);

    private static async Task<string> SubnetAsync(QueryClient client, string vpc, string cidr, string zone)
    {
        var subnet = Value(await client.Ec2Async("CreateSubnet", ("VpcId", vpc), ("CidrBlock", cidr), ("AvailabilityZone", zone)), "subnetId");
        Aws($"aws ec2 create-subnet --vpc-id {vpc} --cidr-block {cidr} --availability-zone {zone}   # {subnet}");
        return subnet;
    }

    /// <summary>The analyzer's verdict, hop by hop (what <c>localvpc probe</c> prints).</summary>
    private async Task ProbeAsync(QueryClient client, string instance, string name, string lead)
    {
        var body = await _http.GetFromJsonAsync<JsonElement>($"{_url}/_localvpc/probe?from={instance}&to={name}:443&account={client.Account}");
        AnsiConsole.MarkupLine(Markup.Escape(lead));
        Aws($"localvpc probe --from {instance} --to {name}:443");
        foreach (var hop in body.GetProperty("hops").EnumerateArray())
        {
            var passed = hop.GetProperty("passed").GetBoolean();
            AnsiConsole.MarkupLine($"  {(passed ? "[green]ok  [/]" : "[red]STOP[/]")} {Markup.Escape(hop.GetProperty("component").GetString()!),-24} {Markup.Escape(hop.GetProperty("detail").GetString()!)}");
        }
        if (body.GetProperty("reachable").GetBoolean()) AnsiConsole.MarkupLine("  [green]REACHABLE[/]");
        else AnsiConsole.MarkupLine($"  [red]NOT REACHABLE: {body.GetProperty("explanationCode").GetString()}[/]\n  Fix: {Markup.Escape(body.GetProperty("fix").GetString()!)}");
    }

    /// <summary>A real connection through the instance's proxy (the telnet test), with the analyzer's word on it.</summary>
    private async Task LiveAsync(QueryClient client, string instance, string name, int port)
    {
        Aws($"localvpc exec {instance} -- telnet {name} {port}");
        var body = await _http.GetFromJsonAsync<JsonElement>(
            $"{_url}/_localvpc/probe?from={instance}&to={name}:{port}&account={client.Account}&live=true&timeout={LiveTimeoutSeconds}");
        var live = body.GetProperty("live");
        string? Text(JsonElement e, string field) => e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var why = Text(body, "explanationCode") is { } code ? $" ({code})" : "";
        var line = Text(live, "outcome") switch
        {
            "connected" => $"[green]Connected[/] to {name} in {live.GetProperty("milliseconds").GetDouble():0.0} ms",
            "not-served" => $"[yellow]The network carried it to the endpoint[/], but nothing serves it here: {Markup.Escape(Text(live, "detail") ?? "")}",
            "no-answer" => $"[red]No answer[/]: the connection hangs, as on AWS when the network drops it{why}",
            _ => $"[red]Refused[/]{why}: {Markup.Escape(Text(live, "detail") ?? "")}",
        };
        AnsiConsole.MarkupLine($"  {line}");
    }

    /// <summary>The REJECT records of the VPC's flow log so far (what <c>localvpc flows</c> prints), waiting briefly for the first.</summary>
    private async Task RejectsAsync(string vpc, string lead)
    {
        var page = await _http.GetFromJsonAsync<JsonElement>($"{_url}/_localvpc/flows?vpc={vpc}&action=REJECT&wait=5");
        AnsiConsole.MarkupLine(Markup.Escape(lead));
        Aws($"localvpc flows --vpc {vpc} --action REJECT");
        foreach (var record in page.GetProperty("records").EnumerateArray())
            AnsiConsole.MarkupLine($"  [red]{Markup.Escape(record.GetProperty("line").GetString()!)}[/]  ({Markup.Escape(record.GetProperty("explanation").GetString() ?? "")})");
    }

    private async Task<IPEndPoint> ResolverAsync(string vpc)
    {
        var report = await StatusClient.GetAsync(_url, CancellationToken.None) ?? throw new InvalidOperationException("LocalVpc does not answer");
        return IPEndPoint.Parse(report.Accounts.SelectMany(a => a.Regions).SelectMany(r => r.Vpcs).Single(v => v.VpcId == vpc).Dns!);
    }

    /// <summary>A real DNS query (UDP) to the VPC's resolver.</summary>
    private static async Task<List<string>> DigAsync(IPEndPoint resolver, string name)
    {
        var lookup = new DnsClient.LookupClient(new DnsClient.LookupClientOptions(resolver) { UseCache = false, Retries = 0, Timeout = TimeSpan.FromSeconds(3) });
        var response = await lookup.QueryAsync(name, DnsClient.QueryType.A);
        return [.. response.Answers.ARecords().Select(a => a.Address.ToString())];
    }

    /// <summary>The provider's side: an instance whose port 443 the demo serves, behind an NLB and an endpoint service.</summary>
    private async Task<(string ServiceId, string ServiceName)> ProviderServiceAsync(QueryClient provider, string consumerAccount)
    {
        var subnet = Value(await provider.Ec2Async("DescribeSubnets", ("Filter.1.Name", "availability-zone"), ("Filter.1.Value.1", "us-east-1a")), "subnetId");
        var vpc = Value(await provider.Ec2Async("DescribeSubnets", ("SubnetId.1", subnet)), "vpcId");
        var app = Value(await provider.Ec2Async("RunInstances", ("ImageId", "ami-12345678"), ("MinCount", "1"), ("MaxCount", "1"), ("SubnetId", subnet),
            ("TagSpecification.1.ResourceType", "instance"), ("TagSpecification.1.Tag.1.Key", "localvpc:port:443"),
            ("TagSpecification.1.Tag.1.Value", $"127.0.0.1:{((IPEndPoint)_providerApp.LocalEndpoint).Port}")), "instanceId");
        var balancer = Value(await provider.ElbAsync("CreateLoadBalancer", ("Name", "provider-svc"), ("Type", "network"), ("Scheme", "internal"), ("Subnets.member.1", subnet)), "LoadBalancerArn");
        var group = Value(await provider.ElbAsync("CreateTargetGroup", ("Name", "provider-app"), ("Protocol", "TCP"), ("Port", "443"), ("VpcId", vpc)), "TargetGroupArn");
        await provider.ElbAsync("RegisterTargets", ("TargetGroupArn", group), ("Targets.member.1.Id", app));
        await provider.ElbAsync("CreateListener", ("LoadBalancerArn", balancer), ("Protocol", "TCP"), ("Port", "443"),
            ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", group));
        var service = await provider.Ec2Async("CreateVpcEndpointServiceConfiguration", ("NetworkLoadBalancerArn.1", balancer), ("AcceptanceRequired", "true"));
        var serviceId = Value(service, "serviceId");
        await provider.Ec2Async("ModifyVpcEndpointServicePermissions", ("ServiceId", serviceId), ("AddAllowedPrincipals.1", $"arn:aws:iam::{consumerAccount}:root"));
        Aws($"AWS_ACCESS_KEY_ID={provider.Account} aws elbv2 create-load-balancer --name provider-svc --type network --scheme internal --subnets {subnet}",
            "  … create-target-group (port 443), register-targets (an instance tagged localvpc:port:443), create-listener (TCP 443)",
            $"AWS_ACCESS_KEY_ID={provider.Account} aws ec2 create-vpc-endpoint-service-configuration --network-load-balancer-arns <nlb arn> --acceptance-required   # {serviceId}",
            $"AWS_ACCESS_KEY_ID={provider.Account} aws ec2 modify-vpc-endpoint-service-permissions --service-id {serviceId} --add-allowed-principals arn:aws:iam::{consumerAccount}:root");
        return (serviceId, Value(service, "serviceName"));
    }

    /// <summary>The provider's app: greets whoever the endpoint brings.</summary>
    private async Task ServeProviderAppAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var client = await _providerApp.AcceptTcpClientAsync(cancellationToken);
                await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("hello from the provider's app\n"), cancellationToken);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    /// <summary>With the aws CLI at hand, a KMS call from the instance, as <c>localvpc exec</c> makes it.</summary>
    private async Task SdkCallAsync(string instance)
    {
        Aws($"localvpc exec {instance} -- aws kms create-key --query KeyMetadata.KeyId --output text");
        var exec = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in SelfArguments().Concat(["exec", "--endpoint-url", _url, instance, "--", "aws", "kms", "create-key", "--query", "KeyMetadata.KeyId", "--output", "text"])) exec.ArgumentList.Add(arg);
        exec.Environment["AWS_ACCESS_KEY_ID"] = "test";
        exec.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        exec.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        exec.Environment["AWS_MAX_ATTEMPTS"] = "1";
        try
        {
            using var process = Process.Start(exec)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            AnsiConsole.MarkupLine(process.ExitCode == 0
                ? $"  [green]KMS created key {Markup.Escape(output.Trim().Split('\n')[^1])}[/], called through the endpoint"
                : $"  [yellow]No answer from KMS[/] (start LocalVpc with --service kms=URL, e.g. moto_server): {Markup.Escape(output.Trim().Split('\n')[^1])}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            AnsiConsole.MarkupLine("  (the aws CLI is not installed: pip install awscli)");
        }
    }

    /// <summary>A server of the demo's own: fresh state, denied connections refused at once, moto_server behind KMS when installed.</summary>
    private async Task<string> StartOwnServerAsync()
    {
        _ownData = Directory.CreateTempSubdirectory("localvpc-demo-").FullName;
        var port = FreePort();
        List<string> args = ["up", "--port", port.ToString(), "--data", _ownData, "--deny", "reject", "--offline"];
        if (ExecCommand.FindOnPath("moto_server") is { } moto)
        {
            var motoPort = FreePort();
            Spawn(moto, ["-H", "127.0.0.1", "-p", motoPort.ToString()]);
            args.AddRange(["--service", $"kms=http://127.0.0.1:{motoPort}"]);
        }
        Spawn(Environment.ProcessPath!, [.. SelfArguments(), .. args]);
        var url = $"http://127.0.0.1:{port}";
        await AnsiConsole.Status().StartAsync("Starting LocalVpc…", async _ =>
        {
            // Bounded: a server that is not up after this many tries failed to start.
            for (var attempt = 0; attempt < 300; attempt++)
            {
                try
                {
                    if ((await _http.GetAsync($"{url}/_localvpc/health")).IsSuccessStatusCode) return;
                }
                catch (HttpRequestException) { }
                await Task.Delay(100);
            }
            throw new InvalidOperationException("LocalVpc did not start");
        });
        return url;
    }

    /// <summary>How to run this same program again: the dll after <c>dotnet</c>, or nothing for an apphost.</summary>
    private static string[] SelfArguments() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? [Path.Combine(AppContext.BaseDirectory, "localvpc.dll")] : [];

    private void Spawn(string file, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _children.Add(process);
    }

    private static string NewAccount(string prefix) => prefix + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        _providerApp.Stop();
        foreach (var child in _children)
        {
            try
            {
                child.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
            child.Dispose();
        }
        if (_ownData is not null)
        {
            try
            {
                Directory.Delete(_ownData, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
