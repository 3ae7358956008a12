using LocalVpc.Analysis;
using LocalVpc.Network.Proxy;

namespace LocalVpc.Network.Forwarding;

/// <summary>
/// Connects an allowed flow to what serves its <see cref="Terminus"/>, and to nothing else: an AWS service to its
/// configured upstream, an instance port to what its <c>localvpc:port:PORT</c> tag names, an <c>ip</c> target on
/// loopback to itself, the internet to exactly the address the analyser allowed. It decides nothing: whether the
/// internet may be reached, and at which address, is the analyser's call (<see cref="WithheldTerminus"/>).
/// </summary>
public sealed class Dialer(DataPlaneOptions options)
{
    /// <summary>The tag that says which host port really serves an instance's port: <c>localvpc:port:443</c> = <c>127.0.0.1:8443</c>.</summary>
    public const string PortTagPrefix = "localvpc:port:";

    /// <summary>Connects through <paramref name="transport"/> (.NET's sockets when null) to what serves <paramref name="terminus"/>.</summary>
    public async Task<DialOutcome> DialAsync(RegionSnapshot region, Terminus terminus, int port, CancellationToken cancellationToken,
        SocketTransport? transport = null)
    {
        transport ??= SocketTransport.Pooled;
        switch (terminus)
        {
            case ServiceTerminus service:
                if (!options.Services.TryGetValue(service.ShortName, out var upstream))
                    return new NotDialed(Refusal.ConnectionRefused, Explanations.NoUpstream,
                        $"nothing serves {service.ServiceName} here: start LocalVpc with --service {service.ShortName}=URL (tcp://, http:// or https://)");
                // An http(s) stand-in gets the HTTP inside the client's TLS, which only AWS's HTTPS port carries.
                var http = upstream.SpeaksHttp && port == 443 ? upstream : null;
                return await ConnectAsync(transport, upstream.Host, upstream.Port, $"{service.ServiceName} at {upstream}", http, cancellationToken);

            case InstanceTerminus instance:
                var state = region.Account(instance.AccountId);
                var tag = PortTagPrefix + instance.Port;
                if (!state.TagsOf(instance.InstanceId).TryGetValue(tag, out var served) || !TrySplitHostPort(served, out var host, out var hostPort))
                    return new NotDialed(Refusal.ConnectionRefused, Explanations.NothingListening,
                        $"nothing listens on {instance.InstanceId}:{instance.Port}: tag it {tag}=HOST:PORT to name what serves that port");
                return await ConnectAsync(transport, host, hostPort, $"{instance.InstanceId}:{instance.Port} at {host}:{hostPort}", null, cancellationToken);

            case AddressTerminus target:
                if (!IPAddress.TryParse(target.Address, out var address) || !IPAddress.IsLoopback(address))
                    return new NotDialed(Refusal.HostUnreachable, Explanations.NothingListening,
                        $"the ip target {target.Address} is not on 127.0.0.0/8, the only ip targets LocalVpc can reach");
                return await ConnectAsync(transport, target.Address, target.Port, $"ip target {target.Address}:{target.Port}", null, cancellationToken);

            case InternetTerminus internet:
                return await ConnectAsync(transport, [IPAddress.Parse(internet.Address)], port, $"{internet.Address}:{port} on the internet", null, cancellationToken);

            default:
                return new NotDialed(Refusal.ConnectionRefused, Explanations.NothingListening,
                    terminus is InterfaceTerminus eni ? $"nothing serves {eni.NetworkInterfaceId}" : "nothing serves this destination");
        }
    }

    private async Task<DialOutcome> ConnectAsync(SocketTransport transport, string host, int port, string destination, ServiceUpstream? http,
        CancellationToken cancellationToken) =>
        await ResolveAsync(host, cancellationToken) is { } addresses
            ? await ConnectAsync(transport, addresses, port, destination, http, cancellationToken)
            : new NotDialed(Refusal.HostUnreachable, Explanations.UpstreamUnreachable, $"{destination}: {host} does not resolve");

    /// <summary>A configured upstream host's addresses (a --service URL or a port tag), by the host's own resolver; null when it does not resolve.</summary>
    private static async Task<IPAddress[]?> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal)) return [literal];
        try
        {
            return await System.Net.Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private async Task<DialOutcome> ConnectAsync(SocketTransport transport, IPAddress[] addresses, int port, string destination,
        ServiceUpstream? http, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var why = "no address";
        // The addresses in turn, as the host's resolver ordered them (the usual upstream on loopback has one).
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                return new Dialed(await transport.ConnectAsync(socket, new IPEndPoint(address, port), timeout.Token), destination, http);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                why = e is SocketException s ? s.SocketErrorCode.ToString() : "no answer";
                if (e is OperationCanceledException) break;
            }
        }
        return new NotDialed(Refusal.ConnectionRefused, Explanations.UpstreamUnreachable, $"{destination} does not accept connections ({why})");
    }

    private static bool TrySplitHostPort(string text, out string host, out int port)
    {
        var colon = text.LastIndexOf(':');
        host = colon > 0 ? text[..colon].Trim('[', ']') : "";
        port = 0;
        return colon > 0 && int.TryParse(text[(colon + 1)..], out port) && port is > 0 and <= 65535;
    }
}
