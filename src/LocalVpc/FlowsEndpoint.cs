using LocalVpc.Network.FlowLogs;
using Microsoft.AspNetCore.Http;

namespace LocalVpc;

/// <summary>
/// <c>GET /_localvpc/flows?vpc=…&amp;eni=…&amp;action=ACCEPT|REJECT&amp;after=SEQUENCE&amp;wait=SECONDS</c>: the flow log records
/// delivered after <c>after</c>, as JSON (what <c>localvpc flows</c> prints). With <c>wait</c> (at most 60 s) it is a long
/// poll, answered as soon as a record arrives.
/// </summary>
internal static class FlowsEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, FlowLogSink flowLogs, string? caller, CancellationToken aborted)
    {
        string? Param(string name) => request.Query[name].ToString() is { Length: > 0 } value ? value : null;
        var after = long.TryParse(Param("after"), out var a) ? a : 0;
        var (vpc, eni, action) = (Param("vpc"), Param("eni"), Param("action"));
        var wait = TimeSpan.FromSeconds(double.TryParse(Param("wait"), System.Globalization.CultureInfo.InvariantCulture, out var w) ? Math.Clamp(w, 0, 60) : 0);
        var records = await flowLogs.WaitAsync(after, d => (caller is null || d.Record.AccountId == caller) &&
            (vpc is null || d.Record.Interface.VpcId == vpc) && (eni is null || d.Record.Interface.Id == eni) && (action is null || d.Record.Action == action),
            wait, aborted);
        return Results.Json(new
        {
            records = records.Select(d => new
            {
                sequence = d.Sequence, flowLogId = d.FlowLogId, interfaceId = d.Record.Interface.Id, vpcId = d.Record.Interface.VpcId,
                action = d.Record.Action, explanation = d.Record.ExplanationCode, line = d.Line,
            }),
            last = records.Count > 0 ? records[^1].Sequence : after,
        });
    }
}
