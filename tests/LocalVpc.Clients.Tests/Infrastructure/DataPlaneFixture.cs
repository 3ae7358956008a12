using System.Net.Http.Json;
using System.Text.Json;

namespace LocalVpc.Clients.Tests.Infrastructure;

/// <summary>
/// A server whose data plane has stand-ins behind two AWS services: SSM is a <see cref="TcpSink"/> spliced as raw TCP,
/// KMS is a real moto_server reached over HTTP after LocalVpc terminates the client's TLS. Resolvers are offline (they
/// refuse what they do not own) and denied connections are rejected, so tests need not wait on dropped ones.
/// </summary>
public sealed class DataPlaneFixture : IAsyncLifetime
{
    public TcpSink Ssm { get; } = new("hello from ssm");

    public MotoServer Kms { get; private set; } = null!;

    public LocalVpcServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Kms = await MotoServer.StartAsync();
        Server = await LocalVpcServer.StartAsync(null, null, "--service", $"ssm=tcp://127.0.0.1:{Ssm.Port}", "--service", $"kms={Kms.Url}",
            "--offline", "--deny", "reject");
    }

    /// <summary>The status report (<c>GET /_localvpc/status</c>).</summary>
    public static async Task<JsonElement> StatusAsync(LocalVpcServer server)
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<JsonElement>($"{server.Url}/_localvpc/status");
    }

    /// <summary>The <c>proxy</c> of a running instance, as status lists it.</summary>
    public static async Task<string> ProxyOfAsync(LocalVpcServer server, string instanceId) =>
        Vpcs(await StatusAsync(server)).SelectMany(v => v.GetProperty("instances").EnumerateArray())
            .Single(i => i.GetProperty("instanceId").GetString() == instanceId).GetProperty("proxy").GetString()!;

    /// <summary>The <c>dns</c> (resolver address) of a VPC, as status lists it.</summary>
    public static async Task<string> ResolverOfAsync(LocalVpcServer server, string vpcId) =>
        Vpcs(await StatusAsync(server)).Single(v => v.GetProperty("vpcId").GetString() == vpcId).GetProperty("dns").GetString()!;

    private static IEnumerable<JsonElement> Vpcs(JsonElement status) =>
        status.GetProperty("accounts").EnumerateArray().SelectMany(a => a.GetProperty("regions").EnumerateArray())
            .SelectMany(r => r.GetProperty("vpcs").EnumerateArray());

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Kms.DisposeAsync();
        await Ssm.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DataPlaneCollection : ICollectionFixture<DataPlaneFixture>
{
    public const string Name = "data plane";
}
