namespace LocalVpc.Core.Quotas;

/// <summary>One AWS service quota LocalVpc enforces: the name <c>--quota</c> takes, AWS's name for it, and its default.</summary>
public sealed record Quota(string Name, string AwsName, int AwsDefault);

/// <summary>
/// The quotas of every account in every region, as AWS sets them for an account
/// (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html,
/// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-on-demand-instances.html#ec2-on-demand-instances-limits),
/// each changeable by <c>--quota NAME=N</c>. They also bound what one request can make the process hold: one
/// <c>RunInstances</c> cannot open thousands of proxy sockets.
/// </summary>
public sealed class ServiceQuotas
{
    public static readonly Quota VpcsPerRegion = new("vpcs-per-region", "VPCs per Region", 5);
    public static readonly Quota SubnetsPerVpc = new("subnets-per-vpc", "Subnets per VPC", 200);
    public static readonly Quota InterfaceEndpointsPerVpc = new("interface-endpoints-per-vpc",
        "Interface and Gateway Load Balancer endpoints per VPC", 50);
    public static readonly Quota GatewayEndpointsPerRegion = new("gateway-endpoints-per-region", "Gateway VPC endpoints per Region", 20);
    public static readonly Quota SecurityGroupsPerRegion = new("security-groups-per-region", "VPC security groups per Region", 2500);
    public static readonly Quota RulesPerSecurityGroup = new("rules-per-security-group", "Inbound or outbound rules per security group", 60);
    public static readonly Quota NetworkInterfacesPerRegion = new("network-interfaces-per-region", "Network interfaces per Region", 5000);
    /// <remarks>AWS's value differs most between accounts here (new accounts often start lower, older ones hold more); 32
    /// lets a handful of instances run, as users expect, and <c>--quota running-on-demand-standard-vcpus=N</c> sets an account's own.</remarks>
    public static readonly Quota RunningOnDemandStandardVcpus = new("running-on-demand-standard-vcpus",
        "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances", 32);
    public static readonly Quota ElasticIpsPerRegion = new("elastic-ips-per-region", "EC2-VPC Elastic IPs", 5);

    public static IReadOnlyList<Quota> All { get; } =
    [
        VpcsPerRegion, SubnetsPerVpc, InterfaceEndpointsPerVpc, GatewayEndpointsPerRegion, SecurityGroupsPerRegion,
        RulesPerSecurityGroup, NetworkInterfacesPerRegion, RunningOnDemandStandardVcpus, ElasticIpsPerRegion,
    ];

    /// <summary>AWS's defaults, unchanged.</summary>
    public static ServiceQuotas Aws { get; } = new(ImmutableDictionary<string, int>.Empty);

    private readonly ImmutableDictionary<string, int> _changed;

    private ServiceQuotas(ImmutableDictionary<string, int> changed) => _changed = changed;

    public int this[Quota quota] => _changed.GetValueOrDefault(quota.Name, quota.AwsDefault);

    /// <summary>These quotas with one changed.</summary>
    public ServiceQuotas With(Quota quota, int value) => new(_changed.SetItem(quota.Name, value));

    /// <summary>AWS's defaults with each <c>NAME=N</c> applied; null and why for an unknown name or a value that is not a count.</summary>
    public static (ServiceQuotas? Quotas, string? Error) Parse(IEnumerable<string> settings)
    {
        var quotas = Aws;
        foreach (var setting in settings)
        {
            var parts = setting.Split('=', 2, StringSplitOptions.TrimEntries);
            if (All.FirstOrDefault(q => q.Name == parts[0]) is not { } quota)
                return (null, $"--quota {setting}: unknown quota '{parts[0]}'; the quotas are {string.Join(", ", All.Select(q => q.Name))}.");
            if (parts.Length != 2 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
                return (null, $"--quota {setting}: the value must be a whole number, as in {quota.Name}={quota.AwsDefault * 2}.");
            quotas = quotas.With(quota, value);
        }
        return (quotas, null);
    }
}
