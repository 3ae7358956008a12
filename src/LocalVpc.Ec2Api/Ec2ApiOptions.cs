using LocalVpc.Ec2Api.Protocol.SigV4;

namespace LocalVpc.Ec2Api;

/// <summary>Settings of the EC2 endpoint.</summary>
public sealed record Ec2ApiOptions
{
    /// <summary>The account of requests whose access key id is not 12 digits. Defaults to 000000000000.</summary>
    public string DefaultAccount { get; init; } = Scope.DefaultAccount;

    /// <summary>What DescribeTargetHealth reports: the data plane's health checks. Defaults to every target healthy.</summary>
    public ITargetHealth TargetHealth { get; init; } = AssumedHealthy.Instance;

    /// <summary>What DescribeFlowLogs reports of delivery: the data plane's. Defaults to every flow log delivering.</summary>
    public IFlowLogDelivery FlowLogDelivery { get; init; } = NothingToDeliver.Instance;

    /// <summary>Host names the API answers to besides IP addresses and localhost (<c>--allow-host</c>). Defaults to none.</summary>
    public IReadOnlyCollection<string> AllowedHosts { get; init; } = [];

    /// <summary>
    /// <c>--auth sigv4</c>: only requests that one of these keys signed are served, as the key's account. Null
    /// (<c>--auth any</c>, the default) reads the account and region from the signature's scope without checking it.
    /// </summary>
    public SigningKeys? VerifiedKeys { get; init; }
}
