namespace LocalVpc.Ec2Api.Protocol;

/// <summary>One EC2 request, bound: its checked input, the account and region it acts in, and the ledger.</summary>
public sealed class Ec2Call(string action, Input input, Scope scope, bool dryRun, Ledger ledger, Ec2ApiOptions options)
{
    /// <summary>The endpoint's settings.</summary>
    public Ec2ApiOptions Options { get; } = options;

    public string Action { get; } = action;

    public Input Input { get; } = input;

    public Scope Scope { get; } = scope;

    public bool DryRun { get; } = dryRun;

    /// <summary>The current time, from the same clock commands use.</summary>
    public DateTimeOffset Now => ledger.Time.GetUtcNow();

    /// <summary>The newest durable state of every account in this call's region: what crosses accounts (endpoint services) reads.</summary>
    public IEnumerable<RegionState> RegionAccounts() => ledger.AccountsIn(Scope.Region);

    /// <summary>Runs a command in another account of this region (a provider's answer lands in the consumer's account).</summary>
    public async Task<Outcome<T>> ExecuteInAsync<T>(Scope scope, ICommand<T> command)
    {
        if (!DryRun) return await ledger.ExecuteAsync(scope, command).ConfigureAwait(false);
        var decision = await ledger.TryAsync(scope, command).ConfigureAwait(false);
        return new Outcome<T>(decision.Error ?? Ec2Errors.DryRunOperation(), default, null);
    }

    /// <summary>The region's newest durable state.</summary>
    public ValueTask<RegionState> ReadAsync() => ledger.ReadAsync(Scope);

    /// <summary>
    /// Runs a command. Under DryRun it only decides: the command's own error if it has one, else
    /// DryRunOperation, and nothing changes (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/CommonParameters.html).
    /// </summary>
    public async Task<Outcome<T>> ExecuteAsync<T>(ICommand<T> command)
    {
        if (!DryRun) return await ledger.ExecuteAsync(Scope, command).ConfigureAwait(false);
        var decision = await ledger.TryAsync(Scope, command).ConfigureAwait(false);
        return new Outcome<T>(decision.Error ?? Ec2Errors.DryRunOperation(), default, null);
    }
}
