using LocalVpc.Core.Commands.VpcEndpoints;

namespace LocalVpc.Core.Commands.FlowLogs;

/// <summary>DeleteFlowLogs: each id that exists goes; each that does not is listed unsuccessful.</summary>
public sealed record DeleteFlowLogs(ImmutableArray<string> FlowLogIds) : ICommand<ImmutableArray<UnsuccessfulItem>>
{
    public Decision<ImmutableArray<UnsuccessfulItem>> Decide(AccountState state, CommandContext context)
    {
        if (FlowLogIds.IsEmpty) return Ec2Errors.MissingParameter("FlowLogId");
        var flowLogs = state.Table(ResourceKinds.FlowLog);
        var events = new List<Event>();
        var unsuccessful = ImmutableArray.CreateBuilder<UnsuccessfulItem>();
        foreach (var id in FlowLogIds.Distinct())
        {
            if (flowLogs.ContainsKey(id)) events.Add(new ResourceRemoved(id));
            else unsuccessful.Add(new UnsuccessfulItem(id, new AwsError("InvalidFlowLogId.NotFound", $"These flow logs do not exist: [{id}]")));
        }
        return Decision.Of(unsuccessful.ToImmutable(), events);
    }
}
