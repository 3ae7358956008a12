using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace LocalVpc.Bench;

/// <summary>
/// How LocalVpc grows with the size of a region: for each size N, a fresh LocalVpc filled with N network interfaces and
/// the VPCs, subnets, security group rules and interface endpoints around them, then creates, point lookups, filtered
/// lookups, a page of a list and probes measured at that size, with the process's memory, and the time a restart takes
/// (killed, as a crash would, then started on the same data: the log replayed from the latest snapshot).
/// </summary>
internal static class ScaleBench
{
    private const int SubnetsPerVpc = 10, EndpointsPerVpc = 10, RulesPerVpc = 50;

    private sealed record Row(string Scenario, int Size, string Value);

    public static async Task RunAsync(int[] sizes, int seconds)
    {
        var rows = new List<Row>();
        var load = MachineLoad.Start();
        var time = TimeSpan.FromSeconds(seconds);
        foreach (var size in sizes)
        {
            var data = Directory.CreateTempSubdirectory("localvpc-scale-").FullName;
            string[] quotas = ["--quota", "vpcs-per-region=1000", "--quota", "network-interfaces-per-region=10000000", "--quota", "interface-endpoints-per-vpc=1000"];
            var peer = await Peer.LocalVpcAsync(data, quotas);
            try
            {
                var fill = Stopwatch.StartNew();
                var (subnets, interfaces, total) = await FillAsync(peer, size);
                rows.Add(new Row("resources in the region", size, total.ToString(CultureInfo.InvariantCulture)));
                rows.Add(new Row("fill (resources/s, 16 clients)", size, (total / fill.Elapsed.TotalSeconds).ToString("0", CultureInfo.InvariantCulture)));
                rows.Add(new Row("memory after fill (MB, working set)", size, (WorkingSet(peer.ProcessId) / 1e6).ToString("0", CultureInfo.InvariantCulture)));

                var random = new Random(7);
                string Interface() => interfaces[random.Next(interfaces.Count)];
                string Subnet() => subnets[random.Next(subnets.Count)];
                var created = await LoadClient.RunAsync(peer, "CreateNetworkInterface", 16, 500, TimeSpan.FromMinutes(5), _ =>
                    [("Action", "CreateNetworkInterface"), ("Version", "2016-11-15"), ("SubnetId", Subnet())]);
                Add(rows, size, "CreateNetworkInterface (16 clients)", created);
                Add(rows, size, "DescribeNetworkInterfaces by id (16)", await LoadClient.RunAsync(peer, "by id", 16, int.MaxValue, time, _ =>
                    [("Action", "DescribeNetworkInterfaces"), ("Version", "2016-11-15"), ("NetworkInterfaceId.1", Interface())]));
                Add(rows, size, "DescribeNetworkInterfaces filter subnet-id (16)", await LoadClient.RunAsync(peer, "by subnet", 16, int.MaxValue, time, _ =>
                    [("Action", "DescribeNetworkInterfaces"), ("Version", "2016-11-15"), ("Filter.1.Name", "subnet-id"), ("Filter.1.Value.1", Subnet())]));
                Add(rows, size, "DescribeNetworkInterfaces first page of 100 (16)", await LoadClient.RunAsync(peer, "page", 16, int.MaxValue, time, _ =>
                    [("Action", "DescribeNetworkInterfaces"), ("Version", "2016-11-15"), ("MaxResults", "100")]));
                Add(rows, size, "DescribeSubnets by id (16)", await LoadClient.RunAsync(peer, "subnet", 16, int.MaxValue, time, _ =>
                    [("Action", "DescribeSubnets"), ("Version", "2016-11-15"), ("SubnetId.1", Subnet())]));
                rows.Add(new Row("probe instance → interface:443 (req/s, 4 clients)", size, (await ProbesPerSecondAsync(peer, subnets[0], interfaces, time)).ToString("0", CultureInfo.InvariantCulture)));
                rows.Add(new Row("memory after the reads (MB)", size, (WorkingSet(peer.ProcessId) / 1e6).ToString("0", CultureInfo.InvariantCulture)));

                // A crash, then a start on the same data: until the API answers.
                await peer.DisposeAsync();
                var restart = Stopwatch.StartNew();
                peer = await Peer.LocalVpcAsync(data, quotas);
                rows.Add(new Row("restart after kill -9 (s, until health answers)", size, restart.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)));
                var first = Stopwatch.StartNew();
                await LoadClient.PostForXmlAsync(peer, [("Action", "DescribeNetworkInterfaces"), ("Version", "2016-11-15"), ("NetworkInterfaceId.1", Interface())]);
                rows.Add(new Row("first lookup after restart (ms)", size, first.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)));
                rows.Add(new Row("memory after the restart (MB)", size, (WorkingSet(peer.ProcessId) / 1e6).ToString("0", CultureInfo.InvariantCulture)));
                Console.Error.WriteLine($"scale {size}: done");
            }
            finally
            {
                await peer.DisposeAsync();
            }
        }
        Console.WriteLine(Table(rows, sizes, load));
    }

    private static void Add(List<Row> rows, int size, string scenario, Measurement m) =>
        rows.Add(new Row(scenario, size, string.Create(CultureInfo.InvariantCulture,
            $"{m.RequestsPerSecond:0} /s, p99 {m.P99Ms:0.0} ms{(m.Errors > 0 ? $", {m.Errors} errors" : "")}")));

    /// <summary>
    /// VPCs of 10 subnets (/20), 10 KMS interface endpoints and a group of 50 rules each, and N interfaces spread over the
    /// subnets, 16 requests at a time. Returns the subnets, the interfaces, and how many resources were made.
    /// </summary>
    private static async Task<(List<string> Subnets, List<string> Interfaces, int Total)> FillAsync(Peer peer, int size)
    {
        var vpcs = Math.Max(1, size / 1000);
        var subnets = new List<string>();
        var total = 0;
        for (var v = 0; v < vpcs; v++)
        {
            var vpc = Id(await LoadClient.PostForXmlAsync(peer, [("Action", "CreateVpc"), ("Version", "2016-11-15"), ("CidrBlock", $"10.{v}.0.0/16")]), "vpcId");
            var mine = await Task.WhenAll(Enumerable.Range(0, SubnetsPerVpc).Select(async s => Id(await LoadClient.PostForXmlAsync(peer,
                [("Action", "CreateSubnet"), ("Version", "2016-11-15"), ("VpcId", vpc), ("CidrBlock", $"10.{v}.{s * 16}.0/20"), ("AvailabilityZone", $"us-east-1{(char)('a' + s % 6)}")]), "subnetId")));
            subnets.AddRange(mine);
            var group = Id(await LoadClient.PostForXmlAsync(peer,
                [("Action", "CreateSecurityGroup"), ("Version", "2016-11-15"), ("VpcId", vpc), ("GroupName", "app"), ("GroupDescription", "app")]), "groupId");
            await Task.WhenAll(Enumerable.Range(0, RulesPerVpc).Select(r => LoadClient.PostForXmlAsync(peer,
                [("Action", "AuthorizeSecurityGroupIngress"), ("Version", "2016-11-15"), ("GroupId", group), ("IpPermissions.1.IpProtocol", "tcp"),
                 ("IpPermissions.1.FromPort", (1000 + r).ToString(CultureInfo.InvariantCulture)), ("IpPermissions.1.ToPort", (1000 + r).ToString(CultureInfo.InvariantCulture)),
                 ("IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8")])));
            await Task.WhenAll(mine.Take(EndpointsPerVpc).Select(subnet => LoadClient.PostForXmlAsync(peer,
                [("Action", "CreateVpcEndpoint"), ("Version", "2016-11-15"), ("VpcId", vpc), ("VpcEndpointType", "Interface"),
                 ("ServiceName", "com.amazonaws.us-east-1.kms"), ("SubnetId.1", subnet), ("PrivateDnsEnabled", "false")])));
            total += 1 + SubnetsPerVpc + 1 + RulesPerVpc + EndpointsPerVpc * 2;
        }
        var interfaces = new System.Collections.Concurrent.ConcurrentBag<string>();
        var filled = await LoadClient.RunUnitsAsync(peer, "fill", 16, size, TimeSpan.FromHours(1), async n =>
        {
            var (status, body) = await LoadClient.PostAsync(peer, [("Action", "CreateNetworkInterface"), ("Version", "2016-11-15"), ("SubnetId", subnets[n % subnets.Count])]);
            if (status != HttpStatusCode.OK) return false;
            interfaces.Add(Id(body, "networkInterfaceId"));
            return true;
        });
        Console.Error.WriteLine($"scale {size}: {interfaces.Count} interfaces in {filled.Seconds:0.0} s ({filled.Errors} errors)");
        return (subnets, [.. interfaces], total + interfaces.Count);
    }

    /// <summary>Probes from an instance in the first subnet to random interfaces on 443, 4 at a time, for the time given.</summary>
    private static async Task<double> ProbesPerSecondAsync(Peer peer, string subnet, List<string> interfaces, TimeSpan time)
    {
        var instance = Id(await LoadClient.PostForXmlAsync(peer, [("Action", "RunInstances"), ("Version", "2016-11-15"), ("ImageId", "ami-12345678"),
            ("MinCount", "1"), ("MaxCount", "1"), ("SubnetId", subnet)]), "instanceId");
        var addresses = await Task.WhenAll(interfaces.Take(100).Select(async eni => Id(await LoadClient.PostForXmlAsync(peer,
            [("Action", "DescribeNetworkInterfaces"), ("Version", "2016-11-15"), ("NetworkInterfaceId.1", eni)]), "privateIpAddress")));
        var stopwatch = Stopwatch.StartNew();
        var done = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async c =>
        {
            for (var n = c; stopwatch.Elapsed < time; n += 4)
            {
                var response = await LoadClient.Http.GetAsync($"{peer.Url}/_localvpc/probe?account=123456789012&from={instance}&to={addresses[n % addresses.Length]}:443");
                if (response.IsSuccessStatusCode) Interlocked.Increment(ref done);
            }
        }));
        return done / stopwatch.Elapsed.TotalSeconds;
    }

    private static string Id(string xml, string element) => Regex.Match(xml, $"<{element}>([^<]+)</{element}>").Groups[1].Value;

    private static long WorkingSet(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(Regex.Match(l, @"\d+").Value, CultureInfo.InvariantCulture) * 1024).FirstOrDefault();

    private static string Table(List<Row> rows, int[] sizes, MachineLoad load)
    {
        var table = new StringBuilder();
        table.AppendLine($"Scale run {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z on {Environment.ProcessorCount} cores; one LocalVpc per size; {load}.");
        table.AppendLine();
        table.AppendLine($"| measured | {string.Join(" | ", sizes.Select(s => $"N = {s:N0}"))} |");
        table.AppendLine($"|---|{string.Concat(sizes.Select(_ => "---|"))}");
        foreach (var scenario in rows.Select(r => r.Scenario).Distinct())
            table.AppendLine($"| {scenario} | {string.Join(" | ", sizes.Select(s => rows.FirstOrDefault(r => r.Scenario == scenario && r.Size == s)?.Value ?? ""))} |");
        return table.ToString();
    }
}
