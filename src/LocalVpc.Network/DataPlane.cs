using LocalVpc.Network.Dns;
using LocalVpc.Network.Forwarding;
using LocalVpc.Network.Proxy;
using LocalVpc.Storage;

namespace LocalVpc.Network;

/// <summary>
/// Keeps the running listeners in line with the state: a resolver for every VPC, a proxy for every running instance.
/// Each change to an account's VPCs or instances is reconciled in the background; <see cref="ReconciledAsync"/> waits for it.
/// </summary>
public sealed class DataPlane : IAsyncDisposable
{
    private readonly PublishedState _published;
    private readonly DataPlaneOptions _options;
    private readonly ILogger _logger;
    private readonly ConnectionHandler _handler;
    private readonly SpliceEngine? _engine;
    private readonly DnsAnswerer _answerer;
    private readonly Dictionary<(Scope, string), VpcResolver> _resolvers = [];
    private readonly Dictionary<(Scope, string), InstanceProxy> _proxies = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    /// <summary>Each account's VPCs and instances as of the last pass asked for: all the listeners follow.</summary>
    private readonly Dictionary<Scope, (object Vpcs, object Instances)> _followed = [];
    private long _requested;
    private long _reconciled;
    private TaskCompletionSource _pass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private Task _flowLogDelivery = Task.CompletedTask;

    public DataPlane(PublishedState published, DataPlaneOptions options, ILoggerFactory loggers)
    {
        _published = published;
        _options = options;
        _logger = loggers.CreateLogger("LocalVpc.Network");
        Authority = CertificateAuthority.OpenOrCreate(options.DataDirectory);
        var dialer = new Dialer(options);
        Health = new Health.TargetHealthMonitor(published, dialer, _logger);
        Policies = new FlowPolicy(options, published.Time, Health);
        FlowLogs = new FlowLogs.FlowLogSink(published, options, _logger);
        _engine = options.Splice ? SpliceEngine.TryStart(Environment.ProcessorCount) : null;
        _handler = new ConnectionHandler(published, options, Policies, dialer, Authority, FlowLogs, _engine, _logger);
        _answerer = new DnsAnswerer(published, options.Offline ? null : HostForwarder.FromHost());
    }

    public DataPlaneOptions Options => _options;

    /// <summary>How flows get their <see cref="Analysis.NetworkPolicy"/>: what the probe uses to judge as the proxies do.</summary>
    public FlowPolicy Policies { get; }

    /// <summary>The load balancers' health checks: what DescribeTargetHealth reports and flows prefer.</summary>
    public Health.TargetHealthMonitor Health { get; }

    /// <summary>Where connections' flow log records go.</summary>
    public FlowLogs.FlowLogSink FlowLogs { get; }

    /// <summary>The CA whose certificate clients trust (<c>AWS_CA_BUNDLE</c>).</summary>
    public CertificateAuthority Authority { get; }

    /// <summary>Starts following the state.</summary>
    public void Start()
    {
        _published.Changed += Request;
        Request();
        _loop = RunAsync();
        _flowLogDelivery = FlowLogs.RunAsync(_stopping.Token);
        Health.Start();
    }

    /// <summary>Completes once every change made before the call is reflected in the listeners.</summary>
    public async Task ReconciledAsync()
    {
        var wanted = Interlocked.Read(ref _requested);
        while (Interlocked.Read(ref _reconciled) < wanted && !_stopping.IsCancellationRequested)
        {
            Task pass;
            lock (_gate) pass = _pass.Task;
            if (Interlocked.Read(ref _reconciled) >= wanted) return;
            await pass.WaitAsync(_stopping.Token).ConfigureAwait(false);
        }
    }

    /// <summary>The resolver of a VPC, if it has one now.</summary>
    public IPEndPoint? ResolverOf(Scope scope, string vpcId)
    {
        lock (_gate) return _resolvers.GetValueOrDefault((scope, vpcId))?.EndPoint;
    }

    /// <summary>The proxy of a running instance, if it has one now.</summary>
    public IPEndPoint? ProxyOf(Scope scope, string instanceId)
    {
        lock (_gate) return _proxies.GetValueOrDefault((scope, instanceId))?.EndPoint;
    }

    private void Request()
    {
        // Most changes (an endpoint, a rule, a tag) leave every account's VPCs and instances as they were: no pass for them.
        if (!Follow()) return;
        Interlocked.Increment(ref _requested);
        _wake.Release();
    }

    /// <summary>Notes each account's VPC and instance tables; true when any is not the one noted before (the tables are immutable).</summary>
    private bool Follow()
    {
        lock (_followed)
        {
            var changed = false;
            var accounts = 0;
            foreach (var region in _published.Regions)
                foreach (var account in region.Accounts.Values)
                {
                    accounts++;
                    if (_followed.TryGetValue(account.Scope, out var seen)
                        && ReferenceEquals(seen.Vpcs, account.Vpcs) && ReferenceEquals(seen.Instances, account.Instances)) continue;
                    _followed[account.Scope] = (account.Vpcs, account.Instances);
                    changed = true;
                }
            if (accounts == _followed.Count) return changed;
            // An account is gone (a reset): noted afresh.
            _followed.Clear();
            Follow();
            return true;
        }
    }

    private async Task RunAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            // Many changes may have queued up: one pass covers them all.
            while (_wake.CurrentCount > 0) _wake.Wait(0);
            var covered = Interlocked.Read(ref _requested);
            await ReconcileAsync().ConfigureAwait(false);
            TaskCompletionSource done;
            lock (_gate)
            {
                Interlocked.Exchange(ref _reconciled, covered);
                done = _pass;
                _pass = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            done.TrySetResult();
        }
    }

    private async Task ReconcileAsync()
    {
        var accounts = _published.Regions.SelectMany(r => r.Accounts.Values).ToList();
        var vpcs = accounts.SelectMany(a => a.Vpcs.Keys.Select(id => (a.Scope, id))).ToHashSet();
        var instances = accounts.SelectMany(a => a.Instances.Values.Where(i => i.IsRunning).Select(i => (a.Scope, i.Id))).ToHashSet();

        List<IAsyncDisposable> retired = [];
        lock (_gate)
        {
            foreach (var key in _resolvers.Keys.Where(k => !vpcs.Contains(k)).ToList())
            {
                retired.Add(_resolvers[key]);
                _resolvers.Remove(key);
            }
            foreach (var key in _proxies.Keys.Where(k => !instances.Contains(k)).ToList())
            {
                retired.Add(_proxies[key]);
                _proxies.Remove(key);
            }
            foreach (var key in vpcs.Where(k => !_resolvers.ContainsKey(k)))
                Listen($"DNS of {key.Item2}", () => _resolvers[key] = VpcResolver.Start(key.Item1, key.Item2, _options.ListenAddress, _answerer, _engine));
            foreach (var key in instances.Where(k => !_proxies.ContainsKey(k)))
                Listen($"proxy of {key.Item2}", () => _proxies[key] = InstanceProxy.Start(key.Item1, key.Item2, _options.ListenAddress, _handler, _engine));
        }
        foreach (var listener in retired) await listener.DisposeAsync().ConfigureAwait(false);
    }

    private void Listen(string what, Func<object> start)
    {
        try
        {
            var started = start();
            NetworkLog.Listening(_logger, what, started is VpcResolver r ? r.EndPoint : ((InstanceProxy)started).EndPoint);
        }
        catch (SocketException e)
        {
            NetworkLog.ListenerFailed(_logger, what, e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _published.Changed -= Request;
        await Health.DisposeAsync().ConfigureAwait(false);
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(false);
        await _flowLogDelivery.ConfigureAwait(false);
        FlowLogs.Dispose();
        List<IAsyncDisposable> all;
        lock (_gate)
        {
            all = [.. _resolvers.Values, .. _proxies.Values];
            _resolvers.Clear();
            _proxies.Clear();
        }
        foreach (var listener in all) await listener.DisposeAsync().ConfigureAwait(false);
        _engine?.Dispose();
    }
}
