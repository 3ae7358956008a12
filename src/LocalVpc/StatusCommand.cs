using System.Text.Json;
using LocalVpc.Status;

namespace LocalVpc;

/// <summary><c>localvpc status</c>: what runs where, as a tree for people or JSON for scripts.</summary>
internal static class StatusCommand
{
    public static async Task<int> RunAsync(string endpointUrl, bool json, string? resolverOf, CancellationToken cancellationToken)
    {
        var report = await StatusClient.GetAsync(endpointUrl, cancellationToken);
        if (report is null) return 2;
        if (resolverOf is not null)
        {
            // Just the address, for scripts: DNS=$(localvpc status --resolver vpc-…); dig @${DNS%:*} -p ${DNS#*:} NAME
            var vpc = report.Accounts.SelectMany(a => a.Regions).SelectMany(r => r.Vpcs).FirstOrDefault(v => v.VpcId == resolverOf);
            if (vpc?.Dns is null)
            {
                Console.Error.WriteLine($"{resolverOf} is not a VPC of this LocalVpc");
                return 2;
            }
            Console.WriteLine(vpc.Dns);
            return 0;
        }
        if (json) Console.WriteLine(JsonSerializer.Serialize(report, StatusJson.Options));
        else StatusTree.Write(report);
        return 0;
    }
}
