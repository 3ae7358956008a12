namespace LocalVpc.Core.Commands.Vpcs;

/// <summary>ModifyVpcAttribute: sets exactly one of the VPC's DNS and usage-metrics attributes per call.</summary>
public sealed record ModifyVpcAttribute(string VpcId, bool? EnableDnsSupport, bool? EnableDnsHostnames,
    bool? EnableNetworkAddressUsageMetrics) : ICommand<bool>
{
    public Decision<bool> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.Vpc.Find(state, VpcId, out var vpc) is { } error) return error;
        var given = new (string Name, bool? Value)[]
        {
            ("enableDnsSupport", EnableDnsSupport), ("enableDnsHostnames", EnableDnsHostnames),
            ("enableNetworkAddressUsageMetrics", EnableNetworkAddressUsageMetrics),
        }.Where(a => a.Value is not null).Select(a => a.Name).ToList();
        if (given.Count == 0) return Ec2Errors.MissingParameter("EnableDnsSupport");
        if (given.Count > 1)
            return Ec2Errors.InvalidParameterCombination($"Fields for multiple attribute types specified: {string.Join(", ", given)}");

        // Private DNS of an endpoint rests on both DNS attributes; they stay on while it is enabled.
        if (EnableDnsSupport == false || EnableDnsHostnames == false)
        {
            var relying = state.VpcEndpointsIn(vpc.Id).FirstOrDefault(e => e.PrivateDnsEnabled);
            if (relying is not null) return Ec2Errors.VpcDnsAttributeInUse(given[0], vpc.Id, relying.Id);
        }

        var updated = vpc with
        {
            EnableDnsSupport = EnableDnsSupport ?? vpc.EnableDnsSupport,
            EnableDnsHostnames = EnableDnsHostnames ?? vpc.EnableDnsHostnames,
            EnableNetworkAddressUsageMetrics = EnableNetworkAddressUsageMetrics ?? vpc.EnableNetworkAddressUsageMetrics,
        };
        return Decision.Of(true, new ResourcePut(updated));
    }
}
