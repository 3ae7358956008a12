using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LocalVpc.Network.Forwarding;

namespace LocalVpc.Network.FlowLogs;

/// <summary>
/// Sends S3 flow log files to the S3 stand-in (<c>--service s3=URL</c>: moto_server, LocalStack, MinIO), each at the key
/// it has under <c>flow-logs/s3/BUCKET/</c>. A file is kept, and retried, until the stand-in took it; then a
/// <c>.sent</c> marker beside it says so, also across restarts. So records written while the stand-in is down (or its
/// bucket missing) arrive once it is up, and meanwhile the flow log reads FAILED.
/// </summary>
internal sealed class S3Delivery(ServiceUpstream upstream, string root, ILogger logger) : IDisposable
{
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);
    private const string Sent = ".sent";

    private readonly AmazonS3Client _s3 = new(new BasicAWSCredentials("test", "test"), new AmazonS3Config
    {
        ServiceURL = $"{(upstream.Scheme == "https" ? "https" : "http")}://{(upstream.Host.Contains(':') ? $"[{upstream.Host}]" : upstream.Host)}:{upstream.Port}",
        ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0,
    });
    private readonly SemaphoreSlim _wake = new(0);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _failing = new();

    /// <summary>Why a flow log's last file did not arrive (AWS's words), or null when its files arrive.</summary>
    public string? FailureOf(string flowLogId) => _failing.GetValueOrDefault(flowLogId);

    /// <summary>A file is waiting: try now rather than at the next retry.</summary>
    public void Wake() => _wake.Release();

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var folder = Path.Combine(root, "s3");
            var pending = Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*.log.gz", SearchOption.AllDirectories).Where(f => !File.Exists(f + Sent)).Order(StringComparer.Ordinal).ToList()
                : [];
            try
            {
                foreach (var file in pending) await SendAsync(folder, file, stopping);
                await _wake.WaitAsync(RetryEvery, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SendAsync(string folder, string file, CancellationToken stopping)
    {
        var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
        var slash = relative.IndexOf('/');
        var (bucket, key) = (relative[..slash], relative[(slash + 1)..]);
        // ACCOUNT_vpcflowlogs_REGION_FLOWLOGID_TIME_HASH.log.gz
        var flowLogId = Path.GetFileName(file).Split('_')[3];
        try
        {
            await _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = file }, stopping);
            await File.WriteAllBytesAsync(file + Sent, [], stopping);
            _failing.TryRemove(flowLogId, out _);
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or IOException or SocketException || e is OperationCanceledException && !stopping.IsCancellationRequested)
        {
            // AWS's DeliverLogsErrorMessage: a bucket that refuses is an access error; one that does not answer, unknown.
            var message = e is AmazonS3Exception ? "Access error" : "Unknown error";
            // Said once when delivery starts failing, not at every retry.
            if (_failing.TryGetValue(flowLogId, out var before) && before == message) return;
            _failing[flowLogId] = message;
            NetworkLog.FlowLogNotDelivered(logger, flowLogId, $"{key} not delivered to s3://{bucket} at {upstream} (kept, and retried): {e.Message}");
        }
    }

    public void Dispose()
    {
        _s3.Dispose();
        _wake.Dispose();
    }
}
