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
        if (ElbAttributes.Of(resource) is null) return ElbErrors.NotFound(Arn);
        if (Attributes.IsEmpty) return ElbErrors.Validation("At least one attribute must be specified");
        if (ElbAttributes.Check(resource!, Attributes) is { } error) return error;
        var changed = ElbAttributes.With(resource!, Attributes);
        return Decision.Of(ElbAttributes.Of(changed)!, new ResourcePut(changed));
    }
}
