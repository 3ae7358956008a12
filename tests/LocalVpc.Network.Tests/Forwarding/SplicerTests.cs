using LocalVpc.Network.Forwarding;
using System.Security.Cryptography;

namespace LocalVpc.Network.Tests.Forwarding;

/// <summary>
/// The splice between a proxy's two legs, on real loopback connections: through the splice engine (splice(2) on its
/// own threads) and through the copy loop, which must behave alike.
/// </summary>
public sealed class SplicerTests : IDisposable
{
    private readonly SpliceEngine? _engine = SpliceEngine.TryStart(threads: 1);

    public static TheoryData<bool> Engines => [true, false];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Bytes_PassBothWays_EachHalfCloseIsPassedOn_AndTheCountsAreWhatArrived(bool spliced)
    {
        var counters = new SpliceCounters();
        await using var legs = await SpliceAsync(spliced, counters: counters);
        var (client, upstream, splicing) = (legs.Client, legs.Upstream, legs.Splicing);

        // The client sends 3 MiB and ends its half; the server still answers after reading the end of it.
        var request = RandomNumberGenerator.GetBytes(3 * 1024 * 1024);
        await client.Client.WriteAsync(request);
        client.Client.Socket.Shutdown(SocketShutdown.Send);
        var received = await ReadToEndAsync(upstream.Proxy);
        Assert.Equal(SHA256.HashData(request), SHA256.HashData(received));

        var answer = RandomNumberGenerator.GetBytes(1024 * 1024 + 17);
        await upstream.Proxy.WriteAsync(answer);
        upstream.Proxy.Socket.Shutdown(SocketShutdown.Send);
        Assert.Equal(SHA256.HashData(answer), SHA256.HashData(await ReadToEndAsync(client.Client)));

        var (result, sent, back, _) = await splicing;
        Assert.Equal(SpliceResult.Completed, result);
        Assert.Equal((request.Length, answer.Length), (sent, back));
        Assert.Equal((request.Length, answer.Length), (counters.Sent, counters.Received));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task AnUpstreamThatTakesLittleAtATime_GetsEveryByte_AsRoomComes(bool spliced)
    {
        using var stop = new CancellationTokenSource();
        await using var legs = await SpliceAsync(spliced, stop.Token);
        var (client, upstream, splicing) = (legs.Client, legs.Upstream, legs.Splicing);
        // Small buffers between the proxy and the upstream, which reads a KiB at a time: what the pair reads (up to 256 KiB
        // at once) waits for room again and again (splice(2) into the socket says EAGAIN), and only the socket's report
        // that room came moves it on. (Much smaller, and TCP's window probes, not the pair, would set the pace.)
        upstream.Client.Socket.SendBufferSize = 32 * 1024;
        upstream.Proxy.Socket.ReceiveBufferSize = 32 * 1024;
        var request = RandomNumberGenerator.GetBytes(4 * 1024 * 1024);
        try
        {
            var sending = Task.Run(async () =>
            {
                await client.Client.WriteAsync(request);
                client.Client.Socket.Shutdown(SocketShutdown.Send);
            });
            // A pair that stalls fails the test (a timeout) instead of hanging it.
            var patience = TimeSpan.FromSeconds(60);
            var received = await ReadToEndAsync(upstream.Proxy, chunk: 1024).WaitAsync(patience);
            await sending.WaitAsync(patience);
            Assert.Equal(SHA256.HashData(request), SHA256.HashData(received));
            upstream.Proxy.Socket.Shutdown(SocketShutdown.Send);
            Assert.Empty(await ReadToEndAsync(client.Client).WaitAsync(patience));
            Assert.Equal(SpliceResult.Completed, (await splicing.WaitAsync(patience)).Result);
        }
        finally
        {
            // A stalled pair holds its sockets (closing one waits for it): ended first, so the legs can close.
            stop.Cancel();
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task AResetUpstream_EndsItAsUpstreamFailed_AndClosesTheClient(bool spliced)
    {
        await using var legs = await SpliceAsync(spliced);
        var (client, upstream, splicing) = (legs.Client, legs.Upstream, legs.Splicing);

        await client.Client.WriteAsync("ping"u8.ToArray());
        Assert.Equal("ping"u8.ToArray(), await ReadExactlyAsync(upstream.Proxy, 4));
        upstream.Proxy.Socket.LingerState = new LingerOption(true, 0);
        upstream.Proxy.Socket.Close();
        // The client goes on sending into the reset connection: the write fails (EPIPE), and the process lives on.
        try
        {
            for (var i = 0; i < 64 && !splicing.IsCompleted; i++) await client.Client.WriteAsync(new byte[64 * 1024]);
        }
        catch (IOException)
        {
            // The splice ended first and closed the client's side.
        }

        var (result, sent, _, _) = await splicing;
        Assert.Equal(SpliceResult.UpstreamFailed, result);
        Assert.True(sent >= 4, $"{sent} bytes sent");
        // The client's connection ends too (an end of stream, or a reset where the kernel delivers the RST first).
        await Assert.ThrowsAnyAsync<IOException>(async () => await client.Client.ReadExactlyAsync(new byte[1]));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Stopping_EndsAnOpenSpliceAsCanceled(bool spliced)
    {
        using var stopping = new CancellationTokenSource();
        await using var legs = await SpliceAsync(spliced, stopping.Token);
        var (client, upstream, splicing) = (legs.Client, legs.Upstream, legs.Splicing);

        await client.Client.WriteAsync("still open"u8.ToArray());
        Assert.Equal("still open"u8.ToArray(), await ReadExactlyAsync(upstream.Proxy, 10));
        await stopping.CancelAsync();

        Assert.Equal(SpliceResult.Canceled, (await splicing).Result);
    }

    /// <summary>A client's connection to the proxy and the proxy's to the upstream, spliced; disposing closes both.</summary>
    private sealed record Legs(SocketPair Client, SocketPair Upstream, Task<(SpliceResult Result, long Sent, long Received, TcpSegments ClientSegments)> Splicing)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Upstream.DisposeAsync();
        }
    }

    private async Task<Legs> SpliceAsync(bool spliced, CancellationToken stopping = default, SpliceCounters? counters = null)
    {
        var engine = Engine(spliced);
        var client = await SocketPair.ConnectAsync();
        var upstream = await SocketPair.ConnectAsync();
        return new Legs(client, upstream, Splicer.RunAsync(new Leg(client.Proxy.Socket), new Leg(upstream.Client.Socket), stopping, counters, engine));
    }

    private SpliceEngine? Engine(bool spliced)
    {
        // Every Linux kernel since 2.6.17 has splice(2) and epoll: the engine must start where the tests run.
        if (!spliced) return null;
        return _engine ?? throw new InvalidOperationException("no splice engine: splice(2) and epoll are Linux's");
    }

    /// <summary>Everything until the end of stream, read <paramref name="chunk"/> bytes at most at a time; a lost half-close (or a stalled splice) fails the test instead of hanging it.</summary>
    private static async Task<byte[]> ReadToEndAsync(Stream stream, int chunk = 81920)
    {
        using var all = new MemoryStream();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await stream.CopyToAsync(all, chunk, patience.Token);
        return all.ToArray();
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        var bytes = new byte[count];
        await stream.ReadExactlyAsync(bytes);
        return bytes;
    }

    public void Dispose() => _engine?.Dispose();
}
