namespace LocalVpc.Clients.Tests.Infrastructure;

/// <summary>One server shared by the tests of a collection. Tests isolate themselves by account, not by resetting.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private static long _nextAccount = 100_000_000_000 + Environment.ProcessId % 1000 * 1_000_000;

    public LocalVpcServer Server { get; private set; } = null!;

    /// <summary>A fresh 12-digit account id: its regions start as a new AWS account's do.</summary>
    public static string NewAccount() => Interlocked.Increment(ref _nextAccount).ToString();

    // Denied connections are refused at once rather than dropped, so live probes of blocked paths need not wait.
    public async Task InitializeAsync() => Server = await LocalVpcServer.StartAsync(null, null, "--deny", "reject");

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
