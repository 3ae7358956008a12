using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LocalVpc.Network.Forwarding;
using LocalVpc.SigV4;

namespace LocalVpc.Network.FlowLogs;

/// <summary>One event of a log stream, as <c>PutLogEvents</c> takes it and <c>GetLogEvents</c> shows it.</summary>
public sealed record LogEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("message")] string Message);

/// <summary>
/// Sends CloudWatch Logs flow log streams to the CloudWatch Logs stand-in (<c>--service logs=URL</c>: moto_server,
/// LocalStack) with <c>PutLogEvents</c>, creating the log group and the stream when they are missing, as flow logs do on
/// AWS. Each stream is a file of events under <c>flow-logs/cloud-watch-logs/ACCOUNT/REGION/GROUP/</c>; a <c>.sent</c> file
/// beside it holds how many of its bytes the stand-in took. So events written while the stand-in is down arrive, in order,
/// once it is up, also across restarts, and meanwhile the flow logs writing to the group read FAILED.
/// </summary>
internal sealed class CloudWatchLogsDelivery(ServiceUpstream upstream, string root, ILogger logger) : IDisposable
{
    // PutLogEvents' limits: 10,000 events, 1,048,576 bytes counted as each message's UTF-8 bytes plus 26.
    private const int MaxEvents = 10_000;
    private const int MaxBatchBytes = 1_048_576;
    private const string Sent = ".sent";

    private readonly HttpClient _http = new() { BaseAddress = new Uri(upstream + "/"), Timeout = TimeSpan.FromSeconds(10) };
    private readonly SemaphoreSlim _wake = new(0);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Account, string Region, string Group), string> _failing = new();
    private readonly HashSet<string> _made = [];

    public string Folder => Path.Combine(root, "cloud-watch-logs");

    /// <summary>
    /// A log group's name as one folder: escaped as in a URL, dots too, so that its slashes (<c>/aws/vpc/flows</c>) and a
    /// name of dots (<c>..</c>, which AWS allows) stay inside the folder of its region.
    /// </summary>
    public static string GroupFolder(string group) => Uri.EscapeDataString(group).Replace(".", "%2E", StringComparison.Ordinal);

    /// <summary>Why the group's last events did not arrive (AWS's words), or null when they arrive.</summary>
    public string? FailureOf(string account, string region, string group) => _failing.GetValueOrDefault((account, region, group));

    /// <summary>Events are waiting: send now rather than at the next retry.</summary>
    public void Wake() => _wake.Release();

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var streams = Directory.Exists(Folder)
                ? Directory.EnumerateFiles(Folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
                : [];
            try
            {
                foreach (var file in streams) await SendAsync(file, stopping);
                await _wake.WaitAsync(S3Delivery.RetryEvery, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SendAsync(string file, CancellationToken stopping)
    {
        // ACCOUNT/REGION/GROUP/STREAM.jsonl
        var parts = Path.GetRelativePath(Folder, file).Split(Path.DirectorySeparatorChar);
        if (parts.Length != 4) return;
        var (account, region, group, stream) = (parts[0], parts[1], Uri.UnescapeDataString(parts[2]), Path.GetFileNameWithoutExtension(parts[3]));
        var sent = File.Exists(file + Sent) ? long.Parse(await File.ReadAllTextAsync(file + Sent, stopping), CultureInfo.InvariantCulture) : 0;
        try
        {
            // A batch of lines that were all cut short sends nothing, but is passed all the same.
            while (await ReadBatchAsync(file, sent, stopping) is var batch && batch.End > sent)
            {
                if (batch.Events.Count > 0)
                {
                    await EnsureAsync(account, region, group, stream, stopping);
                    await CallAsync(account, region, "PutLogEvents", new
                    {
                        logGroupName = group, logStreamName = stream,
                        // A batch must be in time order; streams are written in delivery order, which connections' starts need not follow.
                        logEvents = batch.Events.OrderBy(e => e.Timestamp).ToList(),
                    }, stopping);
                }
                sent = batch.End;
                await File.WriteAllTextAsync(file + Sent + ".tmp", sent.ToString(CultureInfo.InvariantCulture), stopping);
                File.Move(file + Sent + ".tmp", file + Sent, overwrite: true);
            }
            _failing.TryRemove((account, region, group), out _);
        }
        catch (Exception e) when (e is LogsError or HttpRequestException or IOException or SocketException || e is OperationCanceledException && !stopping.IsCancellationRequested)
        {
            // A group deleted behind our back is made again on the next try.
            lock (_made) _made.RemoveWhere(m => m.StartsWith($"{account}/{region}/{group}/", StringComparison.Ordinal));
            // AWS's DeliverLogsErrorMessage: a stand-in that refuses is an access error; one that does not answer, unknown.
            var message = e is LogsError ? "Access error" : "Unknown error";
            if (_failing.TryGetValue((account, region, group), out var before) && before == message) return;
            _failing[(account, region, group)] = message;
            NetworkLog.FlowLogNotDelivered(logger, group, $"{stream} not delivered to log group {group} at {upstream} (kept, and retried): {e.Message}");
        }
    }

    /// <summary>The whole lines after <paramref name="offset"/>, as many as one PutLogEvents takes, and where they end.</summary>
    private static async Task<(List<LogEvent> Events, long End)> ReadBatchAsync(string file, long offset, CancellationToken stopping)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Position = offset;
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        var events = new List<LogEvent>();
        var (end, bytes) = (offset, 0);
        while (events.Count < MaxEvents && await reader.ReadLineAsync(stopping) is { } line)
        {
            var length = Encoding.UTF8.GetByteCount(line) + 1;
            // A line without its newline is still being written: it goes next time.
            if (end + length > stream.Length) break;
            // A line cut short by a crash (and joined to the next) cannot be sent; the rest can.
            if (Parse(line) is { } e)
            {
                var size = Encoding.UTF8.GetByteCount(e.Message) + 26;
                if (bytes + size > MaxBatchBytes) break;
                bytes += size;
                events.Add(e);
            }
            end += length;
        }
        return (events, end);
    }

    private static LogEvent? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<LogEvent>(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Makes the group and the stream unless already made; ones that exist are fine.</summary>
    private async Task EnsureAsync(string account, string region, string group, string stream, CancellationToken stopping)
    {
        var key = $"{account}/{region}/{group}/{stream}";
        lock (_made) if (_made.Contains(key)) return;
        await CallAsync(account, region, "CreateLogGroup", new { logGroupName = group }, stopping, alreadyFine: true);
        await CallAsync(account, region, "CreateLogStream", new { logGroupName = group, logStreamName = stream }, stopping, alreadyFine: true);
        lock (_made) _made.Add(key);
    }

    /// <summary>
    /// One call in CloudWatch Logs' JSON protocol, signed for the flow log's own account and region (the access key is the
    /// account's id, which LocalStack reads as the account).
    /// </summary>
    private async Task CallAsync(string account, string region, string action, object input, CancellationToken stopping, bool alreadyFine = false)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(input);
        using var message = new HttpRequestMessage(HttpMethod.Post, _http.BaseAddress);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", $"Logs_20140328.{action}");
        message.Content = new ByteArrayContent(body);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        RequestSigner.Sign(message, body, account, "localvpc", region, "logs", DateTimeOffset.UtcNow);
        using var response = await _http.SendAsync(message, stopping);
        if (response.IsSuccessStatusCode) return;
        var text = await response.Content.ReadAsStringAsync(stopping);
        if (alreadyFine && ErrorType(text) == "ResourceAlreadyExistsException") return;
        throw new LogsError($"{action}: {(int)response.StatusCode} {text}");
    }

    /// <summary>The JSON protocol's error code (<c>__type</c>, without its namespace); empty when the body is not one.</summary>
    private static string ErrorType(string body)
    {
        try
        {
            var type = JsonDocument.Parse(body).RootElement.TryGetProperty("__type", out var t) ? t.GetString() ?? "" : "";
            return type[(type.LastIndexOf('#') + 1)..];
        }
        catch (JsonException)
        {
            return "";
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _wake.Dispose();
    }

    /// <summary>The stand-in answered and refused.</summary>
    private sealed class LogsError(string message) : Exception(message);
}
