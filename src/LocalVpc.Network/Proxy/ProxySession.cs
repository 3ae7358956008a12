namespace LocalVpc.Network.Proxy;

/// <summary>
/// A client whose request is read and not yet answered: what it asked for, and how to answer it in its own protocol.
/// It owns whatever the client is still owed, so nothing about the protocol rides through the decision.
/// </summary>
public abstract class ProxySession(Stream client, ProxyRequest request)
{
    protected Stream Client { get; } = client;

    public ProxyRequest Request { get; } = request;

    /// <summary>Tells the client its connection is open.</summary>
    public abstract ValueTask AcceptAsync(CancellationToken cancellationToken);

    /// <summary>Refuses the request; over HTTP the explanation code travels in a header and the reason in the body.</summary>
    public abstract ValueTask RefuseAsync(Refusal refusal, string? explanationCode, string reason, CancellationToken cancellationToken);
}
