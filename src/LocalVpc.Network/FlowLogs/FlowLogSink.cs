using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using LocalVpc.Core.Validation;

namespace LocalVpc.Network.FlowLogs;

/// <summary>A record as one flow log delivered it: the line in the flow log's format, numbered in delivery order.</summary>
public sealed record DeliveredRecord(long Sequence, string FlowLogId, string Line, FlowRecord Record);

/// <summary>
/// Delivers records to the flow logs that cover their interface (the interface's own, its subnet's, its VPC's) and take
/// their action. Each destination is a directory under the data directory laid out as AWS lays out the real one:
/// <list type="bullet">
/// <item>s3: <c>flow-logs/s3/BUCKET/PREFIX/AWSLogs/ACCOUNT/vpcflowlogs/REGION/YYYY/MM/DD/ACCOUNT_vpcflowlogs_REGION_FLOWLOG_TIME_HASH.log.gz</c>
/// (Hive-style and hourly when asked), each file a header line and records;</item>
/// <item>cloud-watch-logs: <c>flow-logs/cloud-watch-logs/ACCOUNT/REGION/GROUP/ENI-all.jsonl</c>, the group's name escaped as
/// one folder (<c>%2Faws%2Fvpc</c>), a stream per interface as AWS names them, each line an event as <c>PutLogEvents</c> takes it;</item>
/// <item>kinesis-data-firehose: <c>flow-logs/kinesis-data-firehose/REGION/STREAM.log</c>.</item>
/// </list>
/// With an S3 stand-in (<c>--service s3=URL</c>) the S3 files also go there (<see cref="S3Delivery"/>), with a CloudWatch
/// Logs stand-in (<c>--service logs=URL</c>) the streams (<see cref="CloudWatchLogsDelivery"/>). The latest records are
/// also kept in memory for <c>localvpc flows</c>.
/// </summary>
public sealed class FlowLogSink(PublishedState published, DataPlaneOptions options, ILogger logger) : IFlowLogDelivery, IDisposable
{
    private readonly S3Delivery? _s3 = options.Services.TryGetValue("s3", out var s3) && s3.SpeaksHttp
        ? new S3Delivery(s3, Path.Combine(options.DataDirectory, "flow-logs"), logger) : null;
    private readonly CloudWatchLogsDelivery? _logs = options.Services.TryGetValue("logs", out var logs) && logs.SpeaksHttp
        ? new CloudWatchLogsDelivery(logs, Path.Combine(options.DataDirectory, "flow-logs"), logger) : null;

    public const int Kept = 10_000;

    private readonly Lock _gate = new();
    private readonly LinkedList<DeliveredRecord> _recent = new();
    private long _sequence;
    private TaskCompletionSource _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Records wait here for the writer, which takes all that queued at once: under load, one file (and one fsync) per
    // flow log carries many connections' records, as group commit carries many writes.
    private readonly System.Threading.Channels.Channel<(FlowLog FlowLog, FlowRecord Record)> _queue =
        System.Threading.Channels.Channel.CreateUnbounded<(FlowLog, FlowRecord)>(new() { SingleReader = true });

    // Touched by the one writer only.
    private readonly AggregationWindows _windows = new(options.AggregationTick);

    public string Root => Path.Combine(options.DataDirectory, "flow-logs");

    /// <summary>The connections carried now, which report at every aggregation tick.</summary>
    public OpenConnections Open => LazyInitializer.EnsureInitialized(ref _open, () => new OpenConnections(published.Time, options.AggregationTick, Deliver));

    private OpenConnections? _open;

    /// <summary>
    /// Writes what is delivered, has open connections report at every tick, and sends to the stand-ins there are (what
    /// was left from before a restart first).
    /// </summary>
    public Task RunAsync(CancellationToken stopping) =>
        Task.WhenAll(WriteAsync(stopping), Open.RunAsync(stopping), _s3?.RunAsync(stopping) ?? Task.CompletedTask,
            _logs?.RunAsync(stopping) ?? Task.CompletedTask);

    public (string Status, string? Error) Of(Scope scope, FlowLog flowLog) =>
        (flowLog.LogDestinationType switch
        {
            "s3" => _s3?.FailureOf(flowLog.Id),
            "cloud-watch-logs" => _logs?.FailureOf(scope.Account, scope.Region, flowLog.LogGroupName!),
            _ => null,
        }) is { } error ? ("FAILED", error) : ("SUCCESS", null);

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _s3?.Dispose();
        _logs?.Dispose();
    }

    /// <summary>Queues each record for every flow log that covers its interface and takes its action.</summary>
    public void Deliver(IReadOnlyList<FlowRecord> records)
    {
        if (records.Count == 0) return;
        var region = published.Region(records[0].Region);
        foreach (var record in records)
        foreach (var flowLog in Covering(region.Account(record.AccountId), record))
            _queue.Writer.TryWrite((flowLog, record));
    }

    private async Task WriteAsync(CancellationToken stopping)
    {
        var batch = new List<(FlowLog FlowLog, FlowRecord Record)>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stopping))
            {
                batch.Clear();
                while (_queue.Reader.TryRead(out var item))
                    if (_windows.Add(item.FlowLog, item.Record) is { } record)
                        batch.Add((item.FlowLog, record));
                foreach (var group in batch.GroupBy(p => p.FlowLog.Id))
                {
                    var flowLog = group.First().FlowLog;
                    FlowLogFormat.Parse(flowLog.LogFormat, out var fields);
                    var lines = group.Select(p => (Line: FlowRecordFormat.Line(p.Record, fields), p.Record)).ToList();
                    try
                    {
                        Write(flowLog, fields, lines);
                    }
                    catch (IOException e)
                    {
                        NetworkLog.FlowLogNotDelivered(logger, flowLog.Id, $"could not write under {Root}: {e.Message}");
                    }
                    // Shown once written: what localvpc flows prints is on disk.
                    lock (_gate)
                        foreach (var (line, record) in lines)
                        {
                            _recent.AddLast(new DeliveredRecord(++_sequence, flowLog.Id, line, record));
                            if (_recent.Count > Kept) _recent.RemoveFirst();
                        }
                }
                lock (_gate)
                {
                    _delivered.TrySetResult();
                    _delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Records delivered after <paramref name="after"/>, oldest first, that <paramref name="keep"/> keeps; when none is there
    /// yet, waits up to <paramref name="wait"/> for them (a long poll: <c>localvpc flows --follow</c> and scripts get
    /// records as they are delivered).
    /// </summary>
    public async Task<List<DeliveredRecord>> WaitAsync(long after, Func<DeliveredRecord, bool> keep, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(wait);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                var found = _recent.Where(r => r.Sequence > after && keep(r)).ToList();
                if (found.Count > 0) return found;
                next = _delivered.Task;
            }
            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                return [];
            }
        }
    }

    private static IEnumerable<FlowLog> Covering(AccountState state, FlowRecord record) =>
        state.Table(ResourceKinds.FlowLog).Values.Where(f =>
            (f.ResourceId == record.Interface.Id || f.ResourceId == record.Interface.SubnetId || f.ResourceId == record.Interface.VpcId) &&
            (f.TrafficType == "ALL" || f.TrafficType == record.Action));

    private void Write(FlowLog flowLog, ImmutableArray<string> fields, List<(string Line, FlowRecord Record)> records)
    {
        var first = records[0].Record;
        var lines = records.Select(r => r.Line).ToList();
        var region = first.Region;
        var account = first.AccountId;
        var now = first.End.UtcDateTime;
        switch (flowLog.LogDestinationType)
        {
            case "s3":
            {
                var (bucket, prefix) = S3Location(flowLog.LogDestination!);
                var files = flowLog.FileOptions ?? new FlowLogFileOptions("plain-text", false, false);
                var dated = files.HiveCompatiblePartitions
                    ? Path.Combine($"aws-account-id={account}", "aws-service=vpcflowlogs", $"aws-region={region}", $"year={now:yyyy}", $"month={now:MM}",
                        $"day={now:dd}", files.PerHourPartition ? $"hour={now:HH}" : "")
                    : Path.Combine(account, "vpcflowlogs", region, now.ToString("yyyy", CultureInfo.InvariantCulture), now.ToString("MM", CultureInfo.InvariantCulture),
                        now.ToString("dd", CultureInfo.InvariantCulture), files.PerHourPartition ? now.ToString("HH", CultureInfo.InvariantCulture) : "");
                var directory = Path.Combine(Root, "s3", bucket, prefix, "AWSLogs", dated);
                Directory.CreateDirectory(directory);
                var name = $"{account}_vpcflowlogs_{region}_{flowLog.Id}_{now:yyyyMMdd'T'HHmm'Z'}_{Guid.NewGuid().ToString("N")[..8]}.log.gz";
                using var file = new FileStream(Path.Combine(directory, name), FileMode.CreateNew, FileAccess.Write);
                using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
                using (var text = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" })
                {
                    text.WriteLine(string.Join(' ', fields));
                    foreach (var line in lines) text.WriteLine(line);
                }
                file.Flush(flushToDisk: true);
                _s3?.Wake();
                break;
            }
            case "cloud-watch-logs":
                // A stream per interface; an event's time is its flow's start, as the record says.
                foreach (var stream in records.GroupBy(r => r.Record.Interface.Id))
                    Append(Path.Combine(Root, "cloud-watch-logs", account, region, CloudWatchLogsDelivery.GroupFolder(flowLog.LogGroupName!)), $"{stream.Key}-all.jsonl",
                        [.. stream.Select(r => JsonSerializer.Serialize(new LogEvent(r.Record.Start.ToUnixTimeMilliseconds(), r.Line)))]);
                _logs?.Wake();
                break;
            default:
                Append(Path.Combine(Root, flowLog.LogDestinationType, region), $"{flowLog.LogDestination!.Split('/')[^1]}.log", lines);
                break;
        }
    }

    private static void Append(string directory, string name, List<string> lines)
    {
        Directory.CreateDirectory(directory);
        using var file = new FileStream(Path.Combine(directory, name), FileMode.Append, FileAccess.Write);
        var bytes = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        file.Write(bytes);
        file.Flush(flushToDisk: true);
    }

    /// <summary><c>arn:aws:s3:::BUCKET/PREFIX</c> as the bucket and the prefix (empty when none).</summary>
    private static (string Bucket, string Prefix) S3Location(string arn)
    {
        var path = arn[(arn.LastIndexOf(':') + 1)..];
        var slash = path.IndexOf('/');
        return slash < 0 ? (path, "") : (path[..slash], path[(slash + 1)..].Trim('/'));
    }
}
