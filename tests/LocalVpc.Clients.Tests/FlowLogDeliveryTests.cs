using System.IO.Compression;
using System.Text.Json;

namespace LocalVpc.Clients.Tests;

/// <summary>
/// Flow logs delivered to real stand-ins (moto_server): S3 (<c>--service s3=URL</c>) with AWS's key layout, CloudWatch Logs
/// (<c>--service logs=URL</c>) with a stream per interface. While the destination refuses (its bucket does not exist yet)
/// or is down, the flow log reads FAILED and keeps every record, which arrive once it takes them.
/// </summary>
public sealed class FlowLogDeliveryTests : IAsyncLifetime
{
    private MotoServer _s3 = null!;
    private MotoServer? _logs;
    private readonly int _logsPort = LocalVpcServer.FreePort();
    private TcpSink _ssm = null!;
    private LocalVpcServer _server = null!;
    private readonly string _account = ServerFixture.NewAccount();

    public async Task InitializeAsync()
    {
        _s3 = await MotoServer.StartAsync();
        _ssm = new TcpSink("hello from ssm");
        // The CloudWatch Logs stand-in is not up yet: a test starts it on its port when it wants it.
        _server = await LocalVpcServer.StartAsync(null, null, "--service", $"s3={_s3.Url}", "--service", $"logs=http://127.0.0.1:{_logsPort}",
            "--service", $"ssm=tcp://127.0.0.1:{_ssm.Port}", "--deny", "reject");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _ssm.DisposeAsync();
        await _s3.DisposeAsync();
        if (_logs is not null) await _logs.DisposeAsync();
    }

    /// <summary>Asks until <paramref name="done"/> holds, a bounded number of times: delivery runs in the background.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> ask, Func<T, bool> done, string what)
    {
        var last = default(T);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            last = await ask();
            if (done(last)) return last;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"{what} did not happen; last seen: {last}");
    }

    /// <summary>The flow log once DescribeFlowLogs reads <paramref name="status"/> (delivery runs in the background).</summary>
    private static Task<FlowLog> DeliveryAsync(AmazonEC2Client ec2, string flowLog, string status) =>
        EventuallyAsync(async () => (await ec2.DescribeFlowLogsAsync(new DescribeFlowLogsRequest { FlowLogIds = [flowLog] })).FlowLogs[0],
            f => f.DeliverLogsStatus == status, $"{status} delivery");

    /// <summary>The seed's network: an instance and an ssm endpoint that takes 443 from the VPC; its VPC and instance.</summary>
    private static async Task<(string Vpc, string Instance)> SeedAsync(AmazonEC2Client ec2)
    {
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        await ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc, EnableDnsHostnames = true });
        var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1a" })).Subnet.SubnetId;
        var group = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = "endpoint", Description = "e" })).GroupId;
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
            { GroupId = group, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/16" }] }] });
        await ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = "com.amazonaws.us-east-1.ssm", SubnetIds = [subnet],
            SecurityGroupIds = [group], PrivateDnsEnabled = true,
        });
        var instance = (await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-12345678", MinCount = 1, MaxCount = 1, SubnetId = subnet }))
            .Reservation.Instances[0].InstanceId;
        return (vpc, instance);
    }

    private async Task TelnetAsync(string instance)
    {
        var telnet = await LocalVpcCli.RunAsync(null, "exec", "--endpoint-url", _server.Url, instance, "--", "telnet", "ssm.us-east-1.amazonaws.com", "443");
        Assert.Contains("Connected to", telnet.Output);
    }

    [Fact]
    public async Task RecordsWrittenWhileTheBucketIsMissing_ArriveInMotoOnceItExists_UnderAwsKeys()
    {
        var ec2 = Sdk.Ec2(_server, _account);
        var (vpc, instance) = await SeedAsync(ec2);
        var bucket = $"flows-{_account}";
        var flowLog = Assert.Single((await ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceType = FlowLogsResourceType.VPC, ResourceIds = [vpc], TrafficType = TrafficType.ACCEPT, LogDestinationType = LogDestinationType.S3,
            LogDestination = $"arn:aws:s3:::{bucket}/vpc",
        })).FlowLogIds);

        await TelnetAsync(instance);

        // The bucket does not exist: the flow log says so, as AWS does.
        var failed = await DeliveryAsync(ec2, flowLog, "FAILED");
        Assert.Equal("Access error", failed.DeliverLogsErrorMessage);

        var made = await AwsCli.RunAsync(_s3.Url, _account, "s3api", "create-bucket", "--bucket", bucket);
        Assert.True(made.ExitCode == 0, made.Stderr);
        // Records held back while the bucket was missing and those that came after may take more than one object (a file
        // per delivery, as AWS writes several per interval): together they hold the connection's four records.
        var records = await EventuallyAsync(() => DeliveredRecordsAsync(bucket, flowLog), r => r.Count >= 4, "four records in the bucket");
        Assert.Equal("SUCCESS", (await ec2.DescribeFlowLogsAsync(new DescribeFlowLogsRequest { FlowLogIds = [flowLog] })).FlowLogs[0].DeliverLogsStatus);
        Assert.Equal(4, records.Count);
        Assert.All(records, l => Assert.Matches($@"^2 {_account} eni-[0-9a-f]+ 10\.0\.1\.\d+ 10\.0\.1\.\d+ \d+ \d+ 6 \d+ \d+ \d+ \d+ ACCEPT OK$", l));
    }

    /// <summary>
    /// The records of every object in the bucket, each object checked to be what AWS writes: its key, gzip, the default
    /// format's field names, then the records.
    /// </summary>
    private async Task<List<string>> DeliveredRecordsAsync(string bucket, string flowLog)
    {
        var listed = await AwsCli.RunAsync(_s3.Url, _account, "s3api", "list-objects-v2", "--bucket", bucket);
        Assert.True(listed.ExitCode == 0, listed.Stderr);
        if (!listed.Json.TryGetProperty("Contents", out var contents)) return [];
        var records = new List<string>();
        foreach (var key in contents.EnumerateArray().Select(o => o.GetProperty("Key").GetString()!))
        {
            Assert.Matches($@"^vpc/AWSLogs/{_account}/vpcflowlogs/us-east-1/\d{{4}}/\d{{2}}/\d{{2}}/{_account}_vpcflowlogs_us-east-1_{flowLog}_\d{{8}}T\d{{4}}Z_[0-9a-f]{{8}}\.log\.gz$", key);
            var local = Path.Combine(Directory.CreateTempSubdirectory("localvpc-flows-").FullName, "object.log.gz");
            var copied = await AwsCli.RunAsync(_s3.Url, _account, "s3", "cp", $"s3://{bucket}/{key}", local);
            Assert.True(copied.ExitCode == 0, copied.Stderr);
            await using var gzip = new GZipStream(File.OpenRead(local), CompressionMode.Decompress);
            var lines = (await new StreamReader(gzip).ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status", lines[0]);
            records.AddRange(lines[1..]);
        }
        return records;
    }

    [Fact]
    public async Task CloudWatchLogsRecords_WrittenWhileTheStandInIsDown_AllArriveOnceItIsUp_AStreamPerInterface()
    {
        var ec2 = Sdk.Ec2(_server, _account);
        var (vpc, instance) = await SeedAsync(ec2);
        const string group = "/aws/vpc/flow-logs";
        var flowLog = Assert.Single((await ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceType = FlowLogsResourceType.VPC, ResourceIds = [vpc], TrafficType = TrafficType.ALL, LogGroupName = group,
            DeliverLogsPermissionArn = $"arn:aws:iam::{_account}:role/flow-logs",
        })).FlowLogIds);

        // Nothing answers at the stand-in's address yet: AWS's words for a destination that does not answer.
        await TelnetAsync(instance);
        var failed = await DeliveryAsync(ec2, flowLog, "FAILED");
        Assert.Equal("Unknown error", failed.DeliverLogsErrorMessage);
        await TelnetAsync(instance);
        // Each connection leaves a record each way at the instance's interface and at the endpoint's.
        using var http = new HttpClient();
        var records = await EventuallyAsync(async () => JsonDocument.Parse(await http.GetStringAsync($"{_server.Url}/_localvpc/flows?vpc={vpc}"))
                .RootElement.GetProperty("records").EnumerateArray()
                .Select(r => (Interface: r.GetProperty("interfaceId").GetString()!, Line: r.GetProperty("line").GetString()!)).ToList(),
            r => r.Count == 8, "eight records");

        _logs = await MotoServer.StartAsync(_logsPort);
        foreach (var stream in records.GroupBy(r => r.Interface))
        {
            var events = await EventuallyAsync(() => AwsCli.RunAsync(_logs.Url, _account, "logs", "get-log-events", "--log-group-name", group,
                    "--log-stream-name", $"{stream.Key}-all", "--start-from-head"),
                r => r.ExitCode == 0 && r.Json.GetProperty("events").GetArrayLength() == stream.Count(), $"the events of {stream.Key}");
            Assert.Equal(stream.Select(r => r.Line).Order(), events.Json.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).Order());
        }
        Assert.Equal("SUCCESS", (await DeliveryAsync(ec2, flowLog, "SUCCESS")).DeliverLogsStatus);
    }

    [Fact]
    public async Task AConnectionLongerThanTheAggregationInterval_ShowsWindowByWindow_WhileItIsOpen()
    {
        var ec2 = Sdk.Ec2(_server, _account);
        var (vpc, instance) = await SeedAsync(ec2);
        const string Format = "${interface-id} ${flow-direction} ${srcport} ${dstport} ${bytes} ${tcp-flags} ${start} ${end}";
        await ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceType = FlowLogsResourceType.VPC, ResourceIds = [vpc], TrafficType = TrafficType.ACCEPT, LogDestinationType = LogDestinationType.S3,
            LogDestination = $"arn:aws:s3:::flows-{_account}", LogFormat = Format, MaxAggregationInterval = 60,
        });
        var proxy = System.Net.IPEndPoint.Parse(await DataPlaneFixture.ProxyOfAsync(_server, instance));

        // A connection through the instance's proxy to the endpoint, 1,000 bytes each way, then held open.
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(proxy);
        var stream = client.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes("CONNECT ssm.us-east-1.amazonaws.com:443 HTTP/1.1\r\nHost: ssm.us-east-1.amazonaws.com:443\r\n\r\n"));
        var head = new List<byte>();
        while (!head.TakeLast(4).SequenceEqual("\r\n\r\n"u8.ToArray())) head.Add((byte)stream.ReadByte());
        Assert.StartsWith("HTTP/1.1 200", System.Text.Encoding.ASCII.GetString([.. head]));
        var banner = _ssm.Banner.Length + 1;
        await stream.WriteAsync(new byte[1000]);
        await stream.ReadExactlyAsync(new byte[banner + 1000]);

        // Within a minute, while it is still open: the first window's records, with its SYN and no FIN.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };
        async Task<List<Dictionary<string, string>>> RecordsAsync(long after, int count)
        {
            var found = new List<Dictionary<string, string>>();
            // Bounded: two long polls of a minute each cover one aggregation window.
            for (var ask = 0; ask < 3 && found.Count < count; ask++)
            {
                var page = JsonDocument.Parse(await http.GetStringAsync($"{_server.Url}/_localvpc/flows?vpc={vpc}&after={after}&wait=60")).RootElement;
                found.AddRange(page.GetProperty("records").EnumerateArray()
                    .Select(r => Format.Split(' ').Select(f => f[2..^1]).Zip(r.GetProperty("line").GetString()!.Split(' ')).ToDictionary(p => p.First, p => p.Second)));
                after = page.GetProperty("last").GetInt64();
            }
            return found;
        }
        var first = await RecordsAsync(0, 4);
        Assert.True(client.Connected);
        Assert.Equal(4, first.Count);
        var egress = first.Where(r => r["flow-direction"] == "egress" && r["dstport"] == "443").ToList();
        var sourcePort = Assert.Single(egress)["srcport"];
        Assert.Equal(("1000", "2"), (egress[0]["bytes"], egress[0]["tcp-flags"]));
        Assert.All(first, r => Assert.True(long.Parse(r["end"]) - long.Parse(r["start"]) <= 60 + 1, $"{r["start"]}..{r["end"]}"));

        // The rest, when it closes: only what came after the first window, from where that window ended, with the FIN.
        await stream.WriteAsync(new byte[500]);
        await stream.ReadExactlyAsync(new byte[500]);
        client.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);
        while (await stream.ReadAsync(new byte[16]) > 0) { }
        var last = (await RecordsAsync(0, 8)).Skip(4).ToList();
        Assert.Equal(4, last.Count);
        var closing = Assert.Single(last, r => r["flow-direction"] == "egress" && r["dstport"] == "443");
        Assert.Equal((sourcePort, "500", "1", egress[0]["end"]), (closing["srcport"], closing["bytes"], closing["tcp-flags"], closing["start"]));
    }
}
