namespace LocalVpc.Ec2Api.Protocol;

/// <summary>One API request (EC2 or Elastic Load Balancing), bound: its checked input, the account and region it acts in, and the command pipeline.</summary>
public sealed class ApiCall(string action, Input input, Scope scope, bool dryRun, CommandPipeline pipeline, Ec2ApiOptions options)
{
    /// <summary>The endpoint's settings.</summary>
    public Ec2ApiOptions Options { get; } = options;

    public string Action { get; } = action;

    public Input Input { get; } = input;

    public Scope Scope { get; } = scope;

    public bool DryRun { get; } = dryRun;

    /// <summary>The current time, from the same clock commands use.</summary>
    public DateTimeOffset Now => pipeline.Time.GetUtcNow();

    /// <summary>The caller's account, newest durable state.</summary>
    public ValueTask<AccountState> ReadAsync() => pipeline.ReadAsync(Scope);

    /// <summary>Every account of the caller's region, newest durable snapshot: what crosses accounts (endpoint services) reads.</summary>
    public ValueTask<RegionSnapshot> ReadRegionAsync() => pipeline.ReadRegionAsync(Scope);

    /// <summary>Runs a command in the caller's account; under DryRun it only decides (see <see cref="CommandPipeline.ExecuteAsync{T}"/>).</summary>
    public Task<Outcome<T>> ExecuteAsync<T>(ICommand<T> command) => pipeline.ExecuteAsync(Scope, command, DryRun);
}
