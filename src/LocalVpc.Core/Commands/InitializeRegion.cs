namespace LocalVpc.Core.Commands;

/// <summary>Sets a region up on first use as AWS sets up a new account: DHCP options and, unless declined, the default VPC.</summary>
public sealed record InitializeRegion(bool CreateDefaultVpc) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (state.Initialized) return Decision.Of(false);
        var initialized = new RegionInitialized(context.Ids.Next(IdPrefix.DhcpOptions));
        if (!CreateDefaultVpc) return Decision.Of(true, initialized);
        var ready = state.Apply(initialized);
        return Decision.Of(true, [initialized, .. VpcLayout.NewDefaultVpc(ready, context)]);
    }
}
