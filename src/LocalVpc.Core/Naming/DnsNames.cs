namespace LocalVpc.Core.Naming;

/// <summary>EC2's hostnames for addresses (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html#vpc-dns-hostnames).</summary>
public static class DnsNames
{
    /// <summary><c>ip-10-0-1-5.ec2.internal</c> in us-east-1, <c>ip-10-0-1-5.eu-west-1.compute.internal</c> elsewhere.</summary>
    public static string Private(string ip, string region) => $"ip-{ip.Replace('.', '-')}.{PrivateSuffix(region)}";

    /// <summary>A resource-based name (<c>i-0123456789abcdef0.ec2.internal</c>), what instances of IPv6-only subnets are called.</summary>
    public static string Resource(string id, string region) => $"{id}.{PrivateSuffix(region)}";

    /// <summary>
    /// An interface's private DNS name: from its primary IPv4 address, else (IPv6 only) its instance's resource name,
    /// else none.
    /// </summary>
    public static string? Private(NetworkInterface eni, string region) =>
        eni.PrivateIpAddress is { } ip ? Private(ip, region) : eni.Attachment?.InstanceId is { } instance ? Resource(instance, region) : null;

    /// <summary>The region's private domain: <c>ec2.internal</c> in us-east-1, <c>eu-west-1.compute.internal</c> elsewhere.</summary>
    public static string PrivateSuffix(string region) => region == "us-east-1" ? "ec2.internal" : $"{region}.compute.internal";

    /// <summary><c>ec2-198-18-0-1.compute-1.amazonaws.com</c> in us-east-1, <c>ec2-….eu-west-1.compute.amazonaws.com</c> elsewhere.</summary>
    public static string Public(string ip, string region) =>
        $"ec2-{ip.Replace('.', '-')}.{(region == "us-east-1" ? "compute-1" : $"{region}.compute")}.amazonaws.com";
}
