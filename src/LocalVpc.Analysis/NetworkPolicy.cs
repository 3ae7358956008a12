namespace LocalVpc.Analysis;

/// <summary>
/// What the analyser needs besides the state: the moment it answers for (an endpoint is pending for a while after a
/// change), LocalVpc's own policy for the internet, and what the host's resolver said of a name the VPC's resolver
/// forwards. All of it is input, so the verdict is a pure function and the data plane decides nothing on its own.
/// </summary>
/// <param name="Now">The moment the flow starts.</param>
/// <param name="InternetAllowed">Whether flows the VPC sends to the internet really go there (<c>--internet allow</c>).</param>
/// <param name="ForwardedAnswer">
/// The host resolver's addresses for the destination name, when the VPC's resolver forwards it (see
/// <see cref="NameResolver.IsForwarded"/>); empty when not asked or offline.
/// </param>
/// <param name="Health">What the load balancers' health checks found; every target healthy when none run.</param>
public sealed record NetworkPolicy(DateTimeOffset Now, bool InternetAllowed = false, ImmutableArray<IPAddress> ForwardedAnswer = default,
    ITargetHealth? Health = null)
{
    /// <summary>The forwarded answer, never default.</summary>
    public ImmutableArray<IPAddress> Forwarded => ForwardedAnswer.IsDefault ? [] : ForwardedAnswer;

    public ITargetHealth TargetHealth => Health ?? AssumedHealthy.Instance;
}
