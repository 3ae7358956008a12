using System.Collections.Immutable;
using LocalVpc.Core.Resources;
using LocalVpc.Network.FlowLogs;

namespace LocalVpc.Network.Tests.FlowLogs;

/// <summary>A long connection's minute windows, gathered into each flow log's aggregation interval.</summary>
public sealed class AggregationWindowsTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Opened = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly NetworkInterface Eni = new("eni-0123456789abcdef0", "subnet-1", "vpc-1", "us-east-1a", "use1-az1", "111122223333", "",
        ["10.0.1.5"], [], "interface", false, true, null, null);

    private static FlowLog Seconds(int interval) =>
        new("fl-1", "vpc-1", "ALL", "s3", "arn:aws:s3:::flows", null, null, null, Core.Resources.FlowLog.DefaultFormat, interval, null, Opened, null);

    /// <summary>Minute <paramref name="minute"/> of the connection (a little late, as timers are), carrying 100 bytes.</summary>
    private static FlowRecord Window(int minute, bool ends = false, int flags = 0) =>
        new("us-east-1", "111122223333", Eni, "i-1", "10.0.1.5", "10.0.1.4", 40000, 443, 6, 2, 100,
            Opened + minute * Tick + TimeSpan.FromMilliseconds(minute * 3), Opened + (minute + 1) * Tick + TimeSpan.FromMilliseconds(minute * 3 + 3),
            FlowRecord.Accept, "egress", flags, "1", null, ends);

    [Fact]
    public void OneMinuteFlowLog_WritesEveryWindow()
    {
        var windows = new AggregationWindows(Tick);
        Assert.Equal([0, 1, 2], Enumerable.Range(0, 3).Select(m => windows.Add(Seconds(60), Window(m))).Select(r => (int)(r!.Start - Opened).TotalMinutes));
        Assert.Equal(0, windows.Open);
    }

    [Fact]
    public void TenMinuteFlowLog_GathersTenWindowsIntoOneRecord_ThenStartsTheNext()
    {
        var windows = new AggregationWindows(Tick);
        var written = Enumerable.Range(0, 12).Select(m => windows.Add(Seconds(600), Window(m, flags: m == 0 ? 2 : 0))).ToList();
        var record = Assert.Single(written, r => r is not null)!;
        Assert.Same(record, written[9]);
        Assert.Equal((Opened, 20L, 1000L, 2), (record.Start, record.Packets, record.Bytes, record.TcpFlags));
        Assert.Equal(1, windows.Open);
    }

    [Fact]
    public void AFlowThatEnds_IsWrittenAtOnce_WithWhatItGathered()
    {
        var windows = new AggregationWindows(Tick);
        Assert.Null(windows.Add(Seconds(600), Window(0, flags: 2)));
        Assert.Null(windows.Add(Seconds(600), Window(1)));
        var record = windows.Add(Seconds(600), Window(2, ends: true, flags: 1))!;
        Assert.Equal((Opened, 300L, 3), (record.Start, record.Bytes, record.TcpFlags));
        Assert.Equal(0, windows.Open);
    }
}
