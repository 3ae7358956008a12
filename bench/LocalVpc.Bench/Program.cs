using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LocalVpc.Bench;

// LocalVpc against moto_server, measured in the same run by the same load client:
// CreateSubnet up to 1,000 subnets in one VPC, then DescribeVpcs and DescribeSubnets point lookups.
// Usage: dotnet run -c Release --project bench/LocalVpc.Bench [-- --seconds 10 --subnets 1000]
var seconds = ArgValue("--seconds", 10);
var subnetCount = ArgValue("--subnets", 1000);
var concurrencies = new[] { 1, 16 };
var results = new List<Measurement>();

foreach (var start in new Func<Task<Peer>>[] { Peer.LocalVpcAsync, Peer.MotoAsync })
{
    await using var peer = await start();
    Console.Error.WriteLine($"{peer.Name}: setting up");
    var vpcXml = await LoadClient.PostForXmlAsync(peer, [("Action", "CreateVpc"), ("Version", "2016-11-15"), ("CidrBlock", "10.0.0.0/16")]);
    var vpcId = Regex.Match(vpcXml, "<vpcId>([^<]+)</vpcId>").Groups[1].Value;

    // Warm-up, not measured: the first requests of a .NET server pay for JIT compilation.
    var warmVpc = Regex.Match(await LoadClient.PostForXmlAsync(peer, [("Action", "CreateVpc"), ("Version", "2016-11-15"), ("CidrBlock", "10.1.0.0/16")]),
        "<vpcId>([^<]+)</vpcId>").Groups[1].Value;
    await LoadClient.RunAsync(peer, "warm-up", 4, 200, TimeSpan.FromMinutes(2), n =>
        [("Action", "CreateSubnet"), ("Version", "2016-11-15"), ("VpcId", warmVpc), ("CidrBlock", $"10.1.{n / 16}.{n % 16 * 16}/28")]);

    // CreateSubnet: /28 blocks, one per request, with 16 concurrent clients; this also fills the account.
    var subnetIds = new string[subnetCount];
    var create = await LoadClient.RunAsync(peer, "CreateSubnet", 16, subnetCount, TimeSpan.FromMinutes(5), n =>
        [("Action", "CreateSubnet"), ("Version", "2016-11-15"), ("VpcId", vpcId), ("CidrBlock", $"10.0.{n / 16}.{n % 16 * 16}/28")]);
    results.Add(create);
    var described = await LoadClient.PostForXmlAsync(peer, [("Action", "DescribeSubnets"), ("Version", "2016-11-15"), ("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", vpcId)]);
    var ids = Regex.Matches(described, "<subnetId>([^<]+)</subnetId>").Select(m => m.Groups[1].Value).ToArray();
    Console.Error.WriteLine($"{peer.Name}: {ids.Length} subnets in {vpcId}");

    foreach (var concurrency in concurrencies)
    {
        Console.Error.WriteLine($"{peer.Name}: point lookups, concurrency {concurrency}");
        results.Add(await LoadClient.RunAsync(peer, "DescribeVpcs (VpcId.1)", concurrency, int.MaxValue, TimeSpan.FromSeconds(seconds), _ =>
            [("Action", "DescribeVpcs"), ("Version", "2016-11-15"), ("VpcId.1", vpcId)]));
        results.Add(await LoadClient.RunAsync(peer, "DescribeSubnets (SubnetId.1)", concurrency, int.MaxValue, TimeSpan.FromSeconds(seconds), n =>
            [("Action", "DescribeSubnets"), ("Version", "2016-11-15"), ("SubnetId.1", ids[n * 7919 % ids.Length])]));
    }
}

var report = new StringBuilder();
report.AppendLine($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z on {Environment.ProcessorCount} cores; {subnetCount} subnets in the account; {seconds} s per lookup scenario.");
report.AppendLine();
report.AppendLine("| scenario | concurrency | peer | requests | errors | req/s | p50 ms | p99 ms | LocalVpc ÷ moto (req/s) |");
report.AppendLine("|---|---|---|---|---|---|---|---|---|");
foreach (var group in results.GroupBy(r => (r.Scenario, r.Concurrency)))
{
    var moto = group.FirstOrDefault(r => r.Peer == "moto_server");
    foreach (var r in group)
    {
        var ratio = r.Peer == "localvpc" && moto is not null ? (r.RequestsPerSecond / moto.RequestsPerSecond).ToString("0.0", CultureInfo.InvariantCulture) + "×" : "";
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {r.Scenario} | {r.Concurrency} | {r.Peer} | {r.Requests} | {r.Errors} | {r.RequestsPerSecond:0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {ratio} |"));
    }
}
Console.WriteLine(report);

int ArgValue(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
