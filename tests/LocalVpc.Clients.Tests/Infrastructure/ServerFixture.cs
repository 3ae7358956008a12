namespace LocalVpc.Clients.Tests.Infrastructure;

/// <summary>
/// The server that test classes share. Each test isolates itself by account (never by resetting), so the classes run
/// in parallel against one process, which is started on first use and killed when the test run ends.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private static long _nextAccount = 100_000_000_000 + Environment.ProcessId % 1000 * 1_000_000;

    // Denied connections are refused at once rather than dropped, so live probes of blocked paths need not wait.
    private static readonly Lazy<Task<LocalVpcServer>> Shared = new(async () =>
    {
        var server = await LocalVpcServer.StartAsync(null, null, "--deny", "reject");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    });

    public LocalVpcServer Server { get; private set; } = null!;

    /// <summary>A fresh 12-digit account id: its regions start as a new AWS account's do.</summary>
    public static string NewAccount() => Interlocked.Increment(ref _nextAccount).ToString();

    public async Task InitializeAsync() => Server = await Shared.Value;

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>A server of the test class's own, for tests that touch every account (resetting the state).</summary>
public sealed class OwnServerFixture : IAsyncLifetime
{
    public LocalVpcServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await LocalVpcServer.StartAsync(null, null, "--deny", "reject");

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
