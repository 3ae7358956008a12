namespace LocalVpc.Core.Naming;

/// <summary>EC2's hostnames for addresses (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html#vpc-dns-hostnames).</summary>
public static class DnsNames
{
    /// <summary><c>ip-10-0-1-5.ec2.internal</c> in us-east-1, <c>ip-10-0-1-5.eu-west-1.compute.internal</c> elsewhere.</summary>
    public static string Private(string ip, string region) => $"ip-{ip.Replace('.', '-')}.{PrivateSuffix(region)}";

    /// <summary>The region's private domain: <c>ec2.internal</c> in us-east-1, <c>eu-west-1.compute.internal</c> elsewhere.</summary>
    public static string PrivateSuffix(string region) => region == "us-east-1" ? "ec2.internal" : $"{region}.compute.internal";

    /// <summary><c>ec2-198-18-0-1.compute-1.amazonaws.com</c> in us-east-1, <c>ec2-….eu-west-1.compute.amazonaws.com</c> elsewhere.</summary>
    public static string Public(string ip, string region) =>
        $"ec2-{ip.Replace('.', '-')}.{(region == "us-east-1" ? "compute-1" : $"{region}.compute")}.amazonaws.com";
}
