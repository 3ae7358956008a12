namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>InstanceTypeInfo</c> shape.</summary>
public static class InstanceTypeXml
{
    public static void InstanceType(XmlWriter w, InstanceTypeInfo type)
    {
        w.Element("instanceType", type.Name);
        w.Element("currentGeneration", !type.PreviousGeneration);
        w.Element("freeTierEligible", type.FreeTier);
        w.StringList("supportedUsageClasses", ["on-demand", "spot"]);
        w.StringList("supportedRootDeviceTypes", type.Nitro ? ["ebs"] : ["ebs", "instance-store"]);
        w.StringList("supportedVirtualizationTypes", type.Nitro ? ["hvm"] : ["hvm", "paravirtual"]);
        w.Element("bareMetal", false);
        w.Element("hypervisor", type.Hypervisor);
        w.Structure("processorInfo", w => w.StringList("supportedArchitectures", type.Architectures));
        w.Structure("vCpuInfo", w =>
        {
            w.Element("defaultVCpus", type.VCpus);
            w.Element("defaultCores", type.Cores);
            w.Element("defaultThreadsPerCore", type.ThreadsPerCore);
        });
        w.Structure("memoryInfo", w => w.Element("sizeInMiB", type.MemoryMiB));
        w.Element("instanceStorageSupported", false);
        w.Structure("ebsInfo", w =>
        {
            w.Element("ebsOptimizedSupport", type.Nitro ? "default" : "unsupported");
            w.Element("encryptionSupport", "supported");
            w.Element("nvmeSupport", type.Nitro ? "required" : "unsupported");
        });
        w.Structure("networkInfo", w =>
        {
            w.Element("networkPerformance", type.NetworkPerformance);
            w.Element("maximumNetworkInterfaces", type.MaxInterfaces);
            w.Element("maximumNetworkCards", 1);
            w.Element("defaultNetworkCardIndex", 0);
            w.Element("ipv4AddressesPerInterface", type.Ipv4PerInterface);
            w.Element("ipv6AddressesPerInterface", type.Ipv6PerInterface);
            w.Element("ipv6Supported", type.Ipv6PerInterface > 0);
            w.Element("enaSupport", type.Nitro ? "required" : "unsupported");
            w.Element("efaSupported", false);
            w.Element("encryptionInTransitSupported", false);
        });
        w.Structure("placementGroupInfo", w => w.StringList("supportedStrategies", ["partition", "spread"]));
        w.Element("hibernationSupported", type.Nitro);
        w.Element("burstablePerformanceSupported", type.Burstable);
        w.Element("dedicatedHostsSupported", !type.Burstable);
        w.Element("autoRecoverySupported", true);
        w.StringList("supportedBootModes", type.Architectures.Contains("arm64") ? ["uefi"] : ["legacy-bios", "uefi"]);
    }
}
