using System.Net.Security;
using System.Security.Authentication;
using LocalVpc.Analysis;
using LocalVpc.Network.FlowLogs;

namespace LocalVpc.Network.Proxy;

/// <summary>
/// One connection from an instance's proxy port, start to end. The analyzer decides; this only carries out what
/// it decided.
/// </summary>
/// <remarks>
/// 1. Read what the client asks for (SOCKS5, CONNECT, or a plain HTTP request).
/// 2. Analyze the flow on one snapshot of the region, as <c>localvpc probe</c> does.
/// 3. Denied, or withheld by LocalVpc's policy: drop (hold the connection unanswered) or reject, per <see cref="DataPlaneOptions.Deny"/>.
/// 4. Allowed: connect to what serves the terminus, or refuse when nothing does.
/// 5. Answer the client, terminate its TLS when the upstream speaks HTTP, and splice.
/// </remarks>
public sealed class ConnectionHandler(PublishedState published, DataPlaneOptions options, FlowPolicy policies, Dialer dialer,
    CertificateAuthority authority, FlowLogs.FlowLogSink flowLogs, SpliceEngine? engine, ILogger logger)
{
    /// <summary>Runs the connection on <paramref name="socket"/> to its end, its sockets waiting through <paramref name="transport"/>.</summary>
    public async Task HandleAsync(Scope scope, string instanceId, Socket socket, SocketTransport transport, CancellationToken stopping)
    {
        socket.NoDelay = true;
        var started = published.Time.GetUtcNow();
        // The instance's own port: what its flow log records name as the source port.
        var sourcePort = (socket.RemoteEndPoint as IPEndPoint)?.Port ?? 0;
        var connection = new ProxyConnection(transport.Open(socket));
        // Once the destination answered, the connection is ACCEPTed whatever happens after: its records say what it carried.
        CarriedWindows? windows = null;
        try
        {
            // 1. The request.
            ProxySession? session;
            using (var handshake = CancellationTokenSource.CreateLinkedTokenSource(stopping))
            {
                handshake.CancelAfter(options.HandshakeTimeout);
                session = await ProxyHandshake.ReadAsync(connection.Client.Stream, options.MaxHttpHead, handshake.Token);
            }
            if (session is null)
            {
                connection.Shutdown("no request", abort: false);
                return;
            }
            var request = session.Request;

            // 2. The decision, on the region as it is now: a rule revoked a moment ago already counts.
            var region = published.Region(scope.Region);
            var policy = await policies.ForAsync(region.Account(scope.Account), instanceId, request.Host, stopping);
            var verdict = ReachabilityAnalyzer.Analyze(region, scope.Account, new Flow(instanceId, request.Host, "tcp", request.Port), policy);
            if (!verdict.Reachable || verdict.Terminus is null)
            {
                flowLogs.Deliver(FlowRecords.Rejected(region, scope, instanceId, verdict, sourcePort, request.Port, started));
                var stop = verdict.Hops.LastOrDefault(h => !h.Passed);
                await DenyAsync(connection, session, instanceId, verdict.ExplanationCode, $"{stop?.Detail}. Fix: {verdict.Fix}", stopping);
                return;
            }
            if (verdict.Terminus is WithheldTerminus withheld)
            {
                await DenyAsync(connection, session, instanceId, withheld.ExplanationCode, withheld.Reason, stopping);
                return;
            }

            // 3. The destination.
            var outcome = await dialer.DialAsync(region, verdict.Terminus, request.Port, stopping, transport);
            if (outcome is NotDialed notDialed)
            {
                NetworkLog.NotServed(logger, instanceId, request.ToString(), notDialed.Code, notDialed.Reason);
                await session.RefuseAsync(notDialed.Refusal, notDialed.Code, notDialed.Reason, stopping);
                connection.Shutdown(notDialed.Code, abort: false);
                return;
            }
            var dialed = (Dialed)outcome;
            connection.Upstream = dialed.Upstream;
            windows = new CarriedWindows(sourcePort, request.Port, started, carried => FlowRecords.Accepted(region, scope, instanceId, verdict, carried));
            NetworkLog.Allowed(logger, instanceId, request.ToString(), dialed.Destination);

            // 4. Open, and splice.
            await session.AcceptAsync(stopping);
            var prelude = request.Prelude;
            if (dialed.Http is { } http)
            {
                // Bytes a tunnelling client sent early are the start of its TLS, so they go to LocalVpc's TLS server.
                if (request.Protocol != ProxyProtocol.HttpForward)
                {
                    connection.Client = await TerminateTlsAsync(connection.Client, request.Host, prelude, stopping);
                    prelude = default;
                }
                connection.Upstream = await OriginateTlsAsync(connection.Upstream, http, stopping);
            }
            if (!prelude.IsEmpty) await connection.Upstream.Stream.WriteAsync(prelude, stopping);
            var counters = new SpliceCounters();
            // Ticks that come after the last window find it closed: the registration may outlive the splice.
            using var reporting = flowLogs.Open.Track(windows, counters, socket);
            var (result, sent, received, segments) = await Splicer.RunAsync(connection.Client, connection.Upstream, stopping, counters, engine);
            connection.Shutdown(result.ToString(), abort: result != SpliceResult.Completed);
            flowLogs.Deliver(windows.Next(published.Time.GetUtcNow(), sent, received, segments, closes: true, reset: result != SpliceResult.Completed));
            NetworkLog.Closed(logger, instanceId, request.ToString(), result.ToString(), sent, received);
        }
        catch (Exception e) when (ProxyConnection.IsExpected(e))
        {
            // Whatever step failed (the handshake, either TLS, a write), both legs close: nothing the connection opened is left behind.
            var segments = TcpSegments.Of(socket);
            connection.Shutdown(ProxyConnection.Describe(e), abort: true);
            if (windows is not null) flowLogs.Deliver(windows.Next(published.Time.GetUtcNow(), 0, 0, segments, closes: true, reset: true));
            NetworkLog.HandshakeFailed(logger, instanceId, connection.Reason ?? e.Message);
        }
    }

    private async Task DenyAsync(ProxyConnection connection, ProxySession session, string instanceId, string? code, string explanation,
        CancellationToken stopping)
    {
        NetworkLog.Denied(logger, instanceId, session.Request.ToString(), options.Deny.ToString().ToLowerInvariant(), code, explanation);
        if (options.Deny == DenyMode.Reject)
        {
            await session.RefuseAsync(Refusal.NotAllowed, code, explanation, stopping);
            connection.Shutdown(code ?? "denied", abort: false);
            return;
        }
        // A dropped SYN gets no answer at all: hold the connection silently until the client gives up.
        using var hold = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        hold.CancelAfter(options.DropHold);
        var sink = new byte[512];
        try
        {
            while (await connection.Client.Stream.ReadAsync(sink, hold.Token) > 0) { }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
        }
        connection.Shutdown(code ?? "dropped", abort: true);
    }

    private async Task<Leg> TerminateTlsAsync(Leg client, string requestedHost, ReadOnlyMemory<byte> early, CancellationToken cancellationToken)
    {
        var tls = new SslStream(early.IsEmpty ? client.Stream : new PrefixedStream(early, client.Stream), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            // The certificate is for the name the client asked for (SNI), else the name it gave the proxy.
            ServerCertificateSelectionCallback = (_, sni) => authority.ServerCertificate(string.IsNullOrEmpty(sni) ? requestedHost : sni),
            ApplicationProtocols = [SslApplicationProtocol.Http11],
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        }, cancellationToken);
        return new Leg(client.Socket, tls);
    }

    private static async Task<Leg> OriginateTlsAsync(Leg upstream, ServiceUpstream http, CancellationToken cancellationToken)
    {
        if (http.Scheme != "https") return upstream;
        // The upstream is the stand-in the user configured on the command line: LocalVpc trusts it as configured.
        var tls = new SslStream(upstream.Stream, leaveInnerStreamOpen: false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = http.Host,
            ApplicationProtocols = [SslApplicationProtocol.Http11],
        }, cancellationToken);
        return new Leg(upstream.Socket, tls);
    }
}
