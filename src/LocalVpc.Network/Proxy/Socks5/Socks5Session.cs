namespace LocalVpc.Network.Proxy.Socks5;

/// <summary>A SOCKS5 client waiting for its reply; it owns the method choice it may still be owed, so that goes out with the reply.</summary>
internal sealed class Socks5Session(Stream client, ProxyRequest request, ReadOnlyMemory<byte> owed) : ProxySession(client, request)
{
    /// <summary>What the client is owed before the reply (the method choice, when it pipelined its request).</summary>
    public ReadOnlyMemory<byte> Owed => owed;

    public override ValueTask AcceptAsync(CancellationToken cancellationToken) =>
        Client.WriteAsync(Socks5Reply.Build(owed.Span, Socks5Reply.Succeeded), cancellationToken);

    public override ValueTask RefuseAsync(Refusal refusal, string? explanationCode, string reason, CancellationToken cancellationToken) =>
        Client.WriteAsync(Socks5Reply.Build(owed.Span, (byte)refusal), cancellationToken);
}
