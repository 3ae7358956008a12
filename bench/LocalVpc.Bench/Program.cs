using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LocalVpc.Bench;

// LocalVpc against moto_server, measured in the same run by the same load client.
//   subnets:   CreateSubnet up to N subnets in one VPC, then DescribeVpcs and DescribeSubnets point lookups.
//   endpoints: CreateVpcEndpoint up to N interface endpoints, then DescribeVpcEndpoints by id, by filter,
//              and listing all of them, in one call and page by page.
//   rules:     CreateSecurityGroup of N/10 groups in one VPC, then AuthorizeSecurityGroupIngress of N rules (ten a group),
//              then DescribeSecurityGroups point lookups.
//   reachability: the analyser on a generated network of 10,000 interfaces (in process, no peer).
//   scale: for each --sizes N (default 1000,10000,100000), a LocalVpc filled with N interfaces (and their VPCs, subnets,
//          rules, endpoints): creates, lookups, a page, probes, memory and restart time at that size.
//   dataplane: bulk throughput and connections/s through an instance proxy and an endpoint, against direct loopback,
//              HAProxy (with and without splice) and socat; the VPC resolver against unbound under dnsperf.
// The suites run twice on each server, cold then warm (below), each pass in a region of its own.
// Usage: dotnet run -c Release --project bench/LocalVpc.Bench [-- --suite subnets|endpoints|rules|reachability|dataplane|scale|all --seconds 10 --count 1000]
var seconds = ArgValue("--seconds", 10);
var count = ArgValue("--count", 1000);
var suite = Arg("--suite") ?? "all";
var results = new List<Measurement>();
var load = MachineLoad.Start();
var lookupTime = TimeSpan.FromSeconds(seconds);

if (Arg("--role") == "sink")
{
    await Sink.RunAsync(ArgValue("--bulk-port", 0), ArgValue("--echo-port", 0));
    return;
}

if (suite == "dataplane")
{
    await DataPlaneBench.RunAsync(seconds);
    return;
}

if (suite == "scale")
{
    await ScaleBench.RunAsync([.. (Arg("--sizes") ?? "1000,10000,100000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))], seconds);
    return;
}

if (suite == "reachability")
{
    Reachability.Run(probes: 2000);
    return;
}

// AWS's default quotas (200 subnets and 50 interface endpoints per VPC) are raised: the suites put 1,000 of each in one VPC.
string[] benchQuotas = ["--quota", "subnets-per-vpc=100000", "--quota", "interface-endpoints-per-vpc=100000",
    "--quota", "network-interfaces-per-region=10000000"];
// Two passes on each server, in two regions so that each measures a region of the same size: the first right after the
// start (cold: .NET compiles and recompiles the hot code as it runs for the first seconds under load), the second once
// every scenario has run once (warm, as a server that has been up for a while).
(string Name, string Region)[] passes = [("first pass, cold", "us-west-2"), ("second pass, warm", "us-east-1")];
foreach (var start in new Func<Task<Peer>>[] { () => Peer.LocalVpcAsync(benchQuotas), Peer.MotoAsync })
{
    await using var peer = await start();
    // The first requests' warm-up in a third region, so that it adds nothing to what either pass lists.
    LoadClient.Region = "eu-west-1";
    await WarmUpAsync(peer);
    foreach (var (pass, region) in passes)
    {
        LoadClient.Region = region;
        var before = results.Count;
        if (suite is "subnets" or "all") await SubnetsAsync(peer);
        if (suite is "endpoints" or "all") await EndpointsAsync(peer);
        if (suite is "rules" or "all") await RulesAsync(peer);
        for (var i = before; i < results.Count; i++) results[i] = results[i] with { Pass = pass };
    }
}

async Task RulesAsync(Peer peer)
{
    Console.Error.WriteLine($"{peer.Name}: security group rules");
    var vpc = await CreateVpcAsync(peer, "10.200.0.0/16");
    var groupCount = Math.Max(1, count / 10);
    results.Add(await LoadClient.RunAsync(peer, "CreateSecurityGroup", 16, groupCount, TimeSpan.FromMinutes(5), n =>
        [("Action", "CreateSecurityGroup"), ("Version", "2016-11-15"), ("VpcId", vpc), ("GroupName", $"bench-{n}"), ("GroupDescription", "bench")]));
    var groups = await IdsAsync(peer, "groupId", [("Action", "DescribeSecurityGroups"), ("Version", "2016-11-15"), ("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", vpc)]);
    // Ten rules a group (AWS allows 60 inbound), each its own port: request n opens port 1000 + n / groups on group n % groups.
    results.Add(await LoadClient.RunAsync(peer, "AuthorizeSecurityGroupIngress", 16, count, TimeSpan.FromMinutes(5), n =>
        [("Action", "AuthorizeSecurityGroupIngress"), ("Version", "2016-11-15"), ("GroupId", groups[n % groups.Length]),
         ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", $"{1000 + n / groups.Length}"), ("IpPermissions.1.ToPort", $"{1000 + n / groups.Length}"),
         ("IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8")]));
    results.Add(await LoadClient.RunAsync(peer, "DescribeSecurityGroups (GroupId.1)", 16, int.MaxValue, lookupTime, n =>
        [("Action", "DescribeSecurityGroups"), ("Version", "2016-11-15"), ("GroupId.1", groups[(int)((long)n * 7919 % groups.Length)])]));
}

async Task WarmUpAsync(Peer peer)
{
    // Not measured: the first requests of a .NET server pay for JIT compilation.
    Console.Error.WriteLine($"{peer.Name}: warming up");
    var vpc = await CreateVpcAsync(peer, "10.250.0.0/16");
    await LoadClient.RunAsync(peer, "warm-up", 4, 200, TimeSpan.FromMinutes(2), n =>
        [("Action", "CreateSubnet"), ("Version", "2016-11-15"), ("VpcId", vpc), ("CidrBlock", $"10.250.{n / 16}.{n % 16 * 16}/28")]);
}

async Task SubnetsAsync(Peer peer)
{
    Console.Error.WriteLine($"{peer.Name}: subnets");
    var vpc = await CreateVpcAsync(peer, "10.0.0.0/16");
    // /28 blocks, one per request, 16 concurrent clients; this also fills the account.
    results.Add(await LoadClient.RunAsync(peer, "CreateSubnet", 16, count, TimeSpan.FromMinutes(5), n =>
        [("Action", "CreateSubnet"), ("Version", "2016-11-15"), ("VpcId", vpc), ("CidrBlock", $"10.0.{n / 16}.{n % 16 * 16}/28")]));
    var ids = await IdsAsync(peer, "subnetId", [("Action", "DescribeSubnets"), ("Version", "2016-11-15"), ("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", vpc)]);
    foreach (var concurrency in new[] { 1, 16 })
    {
        results.Add(await LoadClient.RunAsync(peer, "DescribeVpcs (VpcId.1)", concurrency, int.MaxValue, lookupTime, _ =>
            [("Action", "DescribeVpcs"), ("Version", "2016-11-15"), ("VpcId.1", vpc)]));
        results.Add(await LoadClient.RunAsync(peer, "DescribeSubnets (SubnetId.1)", concurrency, int.MaxValue, lookupTime, n =>
            [("Action", "DescribeSubnets"), ("Version", "2016-11-15"), ("SubnetId.1", ids[(int)((long)n * 7919 % ids.Length)])]));
    }
}

async Task EndpointsAsync(Peer peer)
{
    Console.Error.WriteLine($"{peer.Name}: endpoints");
    var vpc = await CreateVpcAsync(peer, "10.100.0.0/16");
    var subnet = Regex.Match(await LoadClient.PostForXmlAsync(peer,
            [("Action", "CreateSubnet"), ("Version", "2016-11-15"), ("VpcId", vpc), ("CidrBlock", "10.100.0.0/16"), ("AvailabilityZone", $"{LoadClient.Region}a")]),
        "<subnetId>([^<]+)</subnetId>").Groups[1].Value;
    // Interface endpoints to KMS without private DNS (one name per VPC), 16 concurrent clients.
    results.Add(await LoadClient.RunAsync(peer, "CreateVpcEndpoint", 16, count, TimeSpan.FromMinutes(10), _ =>
        [("Action", "CreateVpcEndpoint"), ("Version", "2016-11-15"), ("VpcId", vpc), ("VpcEndpointType", "Interface"),
         ("ServiceName", $"com.amazonaws.{LoadClient.Region}.kms"), ("SubnetId.1", subnet), ("PrivateDnsEnabled", "false")]));
    var ids = await IdsAsync(peer, "vpcEndpointId", [("Action", "DescribeVpcEndpoints"), ("Version", "2016-11-15")]);
    Console.Error.WriteLine($"{peer.Name}: {ids.Length} endpoints");
    foreach (var concurrency in new[] { 1, 16 })
    {
        results.Add(await LoadClient.RunAsync(peer, "DescribeVpcEndpoints (VpcEndpointId.1)", concurrency, int.MaxValue, lookupTime, n =>
            [("Action", "DescribeVpcEndpoints"), ("Version", "2016-11-15"), ("VpcEndpointId.1", ids[(int)((long)n * 7919 % ids.Length)])]));
        results.Add(await LoadClient.RunAsync(peer, "DescribeVpcEndpoints (filter vpc-endpoint-id)", concurrency, int.MaxValue, lookupTime, n =>
            [("Action", "DescribeVpcEndpoints"), ("Version", "2016-11-15"), ("Filter.1.Name", "vpc-endpoint-id"), ("Filter.1.Value.1", ids[(int)((long)n * 7919 % ids.Length)])]));
    }
    results.Add(await LoadClient.RunAsync(peer, $"DescribeVpcEndpoints (all {ids.Length}, one call)", 1, int.MaxValue, lookupTime, _ =>
        [("Action", "DescribeVpcEndpoints"), ("Version", "2016-11-15")]));
    results.Add(await LoadClient.RunUnitsAsync(peer, $"DescribeVpcEndpoints (all {ids.Length}, pages of 100)", 1, int.MaxValue, lookupTime, async _ =>
    {
        string? token = null;
        var seen = 0;
        do
        {
            (string, string)[] form = token is null
                ? [("Action", "DescribeVpcEndpoints"), ("Version", "2016-11-15"), ("MaxResults", "100")]
                : [("Action", "DescribeVpcEndpoints"), ("Version", "2016-11-15"), ("MaxResults", "100"), ("NextToken", token)];
            var (status, body) = await LoadClient.PostForBytesAsync(peer, form);
            if (status != HttpStatusCode.OK) return false;
            seen += Occurrences(body, "<vpcEndpointId>"u8);
            token = ElementText(body, "nextToken");
        } while (token is not null);
        return seen == ids.Length;
    }));
}

// A listing's client reads the bytes it got: how many of an element, and one element's text.
static int Occurrences(ReadOnlySpan<byte> body, ReadOnlySpan<byte> tag)
{
    var count = 0;
    for (int at; (at = body.IndexOf(tag)) >= 0; body = body[(at + tag.Length)..]) count++;
    return count;
}

static string? ElementText(ReadOnlySpan<byte> body, string name)
{
    var open = body.IndexOf(Encoding.UTF8.GetBytes($"<{name}>"));
    if (open < 0) return null;
    var text = body[(open + name.Length + 2)..];
    return WebUtility.HtmlDecode(Encoding.UTF8.GetString(text[..text.IndexOf("</"u8)]));
}

async Task<string> CreateVpcAsync(Peer peer, string cidr) =>
    Regex.Match(await LoadClient.PostForXmlAsync(peer, [("Action", "CreateVpc"), ("Version", "2016-11-15"), ("CidrBlock", cidr)]),
        "<vpcId>([^<]+)</vpcId>").Groups[1].Value;

async Task<string[]> IdsAsync(Peer peer, string element, (string, string)[] describe) =>
    [.. Regex.Matches(await LoadClient.PostForXmlAsync(peer, describe), $"<{element}>([^<]+)</{element}>").Select(m => m.Groups[1].Value).Distinct()];

var report = new StringBuilder();
report.AppendLine($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z on {Environment.ProcessorCount} cores; suite {suite}; {count} resources; {seconds} s per read scenario; {load}.");
report.AppendLine();
foreach (var pass in passes.Select(p => p.Name).Reverse())
{
    report.AppendLine($"{char.ToUpperInvariant(pass[0])}{pass[1..]}:");
    report.AppendLine();
    report.AppendLine("| scenario | concurrency | peer | requests | errors | req/s | p50 ms | p99 ms | server CPU µs/req | LocalVpc ÷ moto (req/s) |");
    report.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
    foreach (var group in results.Where(r => r.Pass == pass).GroupBy(r => (r.Scenario, r.Concurrency)))
    {
        var moto = group.FirstOrDefault(r => r.Peer == "moto_server");
        foreach (var r in group)
        {
            var ratio = r.Peer == "localvpc" && moto is not null ? (r.RequestsPerSecond / moto.RequestsPerSecond).ToString("0.0", CultureInfo.InvariantCulture) + "×" : "";
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Concurrency} | {r.Peer} | {r.Requests} | {r.Errors} | {r.RequestsPerSecond:0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.ServerCpuMicrosecondsPerRequest:0} | {ratio} |"));
        }
    }
    report.AppendLine();
}
Console.WriteLine(report);

int ArgValue(string name, int fallback) => Arg(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

string? Arg(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
