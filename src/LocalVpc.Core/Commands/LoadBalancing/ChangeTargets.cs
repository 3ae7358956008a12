namespace LocalVpc.Core.Commands.LoadBalancing;

/// <summary>
/// RegisterTargets (<see cref="Register"/> true) and DeregisterTargets. Instance targets must be instances of
/// the group's VPC; ip targets must be addresses of its VPC's blocks, or (LocalVpc's own allowance) of
/// 127.0.0.0/8, which the data plane connects to as they are. A target without a port uses the group's.
/// </summary>
public sealed record ChangeTargets(string TargetGroupArn, ImmutableArray<LoadBalancerTarget> Targets, bool Register) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (!state.TargetGroups.TryGetValue(TargetGroupArn, out var group)) return ElbErrors.TargetGroupNotFound(TargetGroupArn);
        var targets = Targets.Select(t => t with { Port = t.Port == 0 ? group.Port : t.Port }).ToList();
        if (!Register)
            return Decision.Of(true, new ResourcePut(group with { Targets = group.Targets.RemoveAll(t => targets.Contains(t)) }));
        foreach (var target in targets)
        {
            if (group.TargetType == "instance")
            {
                if (!state.Instances.TryGetValue(target.Id, out var instance) || instance.VpcId != group.VpcId || instance.IsTerminated)
                    return ElbErrors.InvalidTarget($"The following targets are not in the target group's VPC or are not valid instances: '{target.Id}'");
            }
            else if (!Ipv4Cidr.TryParseAddress(target.Id, out var address) ||
                     !(state.Vpcs[group.VpcId].Cidrs.Any(c => c.Contains(address)) || address >> 24 == 127))
                return ElbErrors.InvalidTarget($"The IP address '{target.Id}' is not within the VPC's CIDR blocks");
            if (target.Port is < 1 or > 65535) return ElbErrors.Validation($"Port {target.Port} is not between 1 and 65535");
        }
        var registered = group.Targets.AddRange(targets.Where(t => !group.Targets.Contains(t)).Distinct());
        return Decision.Of(true, new ResourcePut(group with { Targets = registered }));
    }
}
