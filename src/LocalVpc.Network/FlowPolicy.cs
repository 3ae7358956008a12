using LocalVpc.Analysis;
using LocalVpc.Core.Cidr;

namespace LocalVpc.Network;

/// <summary>
/// Builds the analyser's <see cref="NetworkPolicy"/> for a flow, with the one piece of I/O the analysis needs: when the
/// source VPC's resolver forwards the destination name, the host resolver's answer (unless offline). The proxies and
/// the probe build it the same way, so they get the same verdict.
/// </summary>
public sealed class FlowPolicy(DataPlaneOptions options, TimeProvider time, ITargetHealth health)
{
    /// <summary>How long the host resolver may take for a forwarded name. Defaults to 5 s.</summary>
    public static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    public async ValueTask<NetworkPolicy> ForAsync(AccountState state, string source, string destination, CancellationToken cancellationToken)
    {
        var forwarded = ImmutableArray<IPAddress>.Empty;
        if (!options.Offline && SourceVpc(state, source) is { } vpc && NameResolver.IsForwarded(state, vpc, destination))
            forwarded = await ResolveAsync(destination, cancellationToken).ConfigureAwait(false);
        return new NetworkPolicy(time.GetUtcNow(), options.InternetAllowed, forwarded, health);
    }

    private static Vpc? SourceVpc(AccountState state, string source)
    {
        var eniId = state.Instances.TryGetValue(source, out var instance) ? instance.PrimaryNetworkInterfaceId : source;
        return state.NetworkInterfaces.TryGetValue(eniId, out var eni) ? state.Vpcs.GetValueOrDefault(eni.VpcId) : null;
    }

    /// <summary>The host's A and AAAA answers (the analyser picks the family the flow prefers).</summary>
    private static async Task<ImmutableArray<IPAddress>> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResolveTimeout);
        try
        {
            var addresses = await System.Net.Dns.GetHostAddressesAsync(name, AddressFamily.Unspecified, timeout.Token).ConfigureAwait(false);
            return [.. addresses.Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 && a.ScopeId == 0)
                .Select(a => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a)];
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return [];
        }
    }
}
