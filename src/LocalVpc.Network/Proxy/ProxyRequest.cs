namespace LocalVpc.Network.Proxy;

/// <summary>
/// What a proxy client wants to reach. <see cref="Prelude"/> holds bytes that must reach the destination before
/// anything else (a forwarded HTTP request's rewritten head, or what a client sent right behind its request).
/// </summary>
public sealed record ProxyRequest(ProxyProtocol Protocol, string Host, int Port, ReadOnlyMemory<byte> Prelude = default)
{
    public override string ToString() => $"{(Host.Contains(':') ? $"[{Host}]" : Host)}:{Port}";
}
