namespace LocalVpc.Core.Commands.LoadBalancing;

/// <summary>
/// ModifyLoadBalancerAttributes, ModifyTargetGroupAttributes and ModifyListenerAttributes: every key is checked first,
/// then all change together. The value is the resource's attributes afterwards, as the API answers them.
/// </summary>
public sealed record ModifyElbAttributes(string Arn, ImmutableArray<KeyValuePair<string, string>> Attributes)
    : ICommand<ImmutableSortedDictionary<string, string>>
{
    public Decision<ImmutableSortedDictionary<string, string>> Decide(AccountState state, CommandContext context)
    {
        var resource = state.Find(Arn);
        if (resource is not (LoadBalancer or TargetGroup or Listener)) return ElbErrors.NotFound(Arn);
        var what = resource switch { LoadBalancer => "Load balancer", TargetGroup => "Target group", _ => "Listener" };
        if (Attributes.IsEmpty) return ElbErrors.Validation("At least one attribute must be specified");
        if (ElbAttributes.Check(what, ElbAttributes.Defaults(resource), Attributes) is { } error) return error;
        Resource changed = resource switch
        {
            LoadBalancer b => b with { Attributes = Apply(b.Attributes) },
            TargetGroup g => g with { Attributes = Apply(g.Attributes) },
            Listener l => l with { Attributes = Apply(l.Attributes) },
            _ => throw new InvalidOperationException(),
        };
        var after = changed switch
        {
            LoadBalancer b => ElbAttributes.Of(b),
            TargetGroup g => ElbAttributes.Of(g),
            _ => ElbAttributes.Of((Listener)changed),
        };
        return Decision.Of(after, new ResourcePut(changed));
    }

    private ImmutableSortedDictionary<string, string> Apply(ImmutableSortedDictionary<string, string>? stored) =>
        (stored ?? ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal)).SetItems(Attributes);
}
