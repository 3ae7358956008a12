namespace LocalVpc.Core.Quotas;

/// <summary>What the running On-Demand vCPU quota counts: the vCPUs of an account's pending and running instances.</summary>
public static class VcpuQuota
{
    public static int Of(string instanceType) => InstanceTypeCatalog.Find(instanceType)?.VCpus ?? 1;

    public static int Running(AccountState state) =>
        state.Instances.Values.Where(i => i.State is "pending" or "running").Sum(i => Of(i.InstanceType));
}
