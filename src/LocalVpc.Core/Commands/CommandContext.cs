namespace LocalVpc.Core.Commands;

/// <summary>
/// What a command may use besides its account's state: the id source, the clock, and the whole region as it stands
/// (for what crosses accounts: a provider's service, a consumer's endpoint). Nothing else reaches Core.
/// </summary>
public sealed record CommandContext(IIdSource Ids, TimeProvider Time)
{
    /// <summary>Every account of the region, as the command decides; the pipeline sets it. Defaults to an empty region.</summary>
    public RegionSnapshot Region { get; init; } = RegionSnapshot.Empty(Scope.DefaultRegion);

    /// <summary>How long a created or changed VPC endpoint stays <c>pending</c> before it carries traffic. Defaults to zero.</summary>
    public TimeSpan EndpointTransition { get; init; } = TimeSpan.Zero;

    /// <summary>The account's service quotas. Defaults to AWS's.</summary>
    public ServiceQuotas Quotas { get; init; } = ServiceQuotas.Aws;
}
