using System.Threading.Channels;
using LocalVpc.Storage;
using Microsoft.AspNetCore.Http;

namespace LocalVpc;

/// <summary>
/// <c>GET /_localvpc/events</c>: server-sent events, a <c>changed</c> each time the state changed (a commit, a reset) or an
/// endpoint's pending time ran out, which changes what it shows without a command. The console takes the status again
/// then: it follows the state without polling.
/// </summary>
internal static class EventsEndpoint
{
    public static async Task HandleAsync(HttpContext http, PublishedState published, CancellationToken aborted)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        // Changes that come while one is being written are one change to the reader: it reads the whole state anyway.
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        void OnChanged() => changed.Writer.TryWrite(true);
        published.Changed += OnChanged;
        try
        {
            await http.Response.WriteAsync($"event: hello\ndata: {Version(published)}\n\n", aborted);
            await http.Response.Body.FlushAsync(aborted);
            while (!aborted.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                if (NextTransition(published) is { } at) wait.CancelAfter(Max(at - published.Time.GetUtcNow(), TimeSpan.Zero) + TimeSpan.FromMilliseconds(1));
                try
                {
                    await changed.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    // A pending endpoint became what it settles to.
                }
                await http.Response.WriteAsync($"event: changed\ndata: {Version(published)}\n\n", aborted);
                await http.Response.Body.FlushAsync(aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
        }
        finally
        {
            published.Changed -= OnChanged;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>A number that grows with every change of any region.</summary>
    private static long Version(PublishedState published) => published.Regions.Sum(r => r.Version);

    /// <summary>When the next endpoint stops being pending, if one is.</summary>
    private static DateTimeOffset? NextTransition(PublishedState published)
    {
        var now = published.Time.GetUtcNow();
        return published.Regions.SelectMany(r => r.Accounts.Values).SelectMany(a => a.VpcEndpoints.Values)
            .Select(e => e.ReadyAt ?? e.ChangedAt).Where(t => t > now).Order().Cast<DateTimeOffset?>().FirstOrDefault();
    }
}
