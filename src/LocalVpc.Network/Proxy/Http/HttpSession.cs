namespace LocalVpc.Network.Proxy.Http;

/// <summary>An HTTP proxy client: a CONNECT tunnel answered with 200, or a forwarded request that the destination answers itself.</summary>
internal sealed class HttpSession(Stream client, ProxyRequest request) : ProxySession(client, request)
{
    public override ValueTask AcceptAsync(CancellationToken cancellationToken) => Request.Protocol == ProxyProtocol.HttpConnect
        ? Client.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), cancellationToken)
        : ValueTask.CompletedTask;

    public override ValueTask RefuseAsync(Refusal refusal, string? explanationCode, string reason, CancellationToken cancellationToken) =>
        HttpRefusal.WriteAsync(Client, refusal, explanationCode, reason, cancellationToken);
}
