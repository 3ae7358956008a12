namespace LocalVpc.Analysis;

/// <summary>
/// Where a reachable flow ends, so that the data plane delivers it exactly where the analyzer says: it never decides
/// a destination of its own.
/// </summary>
public abstract record Terminus;

/// <summary>An AWS service behind an interface or gateway endpoint (<c>com.amazonaws.us-east-1.kms</c>).</summary>
public sealed record ServiceTerminus(string ServiceName, string EndpointId) : Terminus
{
    /// <summary><c>kms</c> in <c>com.amazonaws.us-east-1.kms</c>; the name <c>--service</c> upstreams are keyed by.</summary>
    public string ShortName => ServiceName[(ServiceName.LastIndexOf('.') + 1)..];
}

/// <summary>An instance's port: directly in the VPC, or as a load balancer's target (then in the provider's account).</summary>
public sealed record InstanceTerminus(string AccountId, string InstanceId, int Port) : Terminus;

/// <summary>A load balancer's <c>ip</c> target.</summary>
public sealed record AddressTerminus(string Address, int Port) : Terminus;

/// <summary>A network interface that is neither an instance's, an endpoint's nor a load balancer's: nothing serves it.</summary>
public sealed record InterfaceTerminus(string NetworkInterfaceId) : Terminus;

/// <summary>Out of the VPC through an internet or NAT gateway, to <see cref="Address"/> on the internet, the one address the data plane dials.</summary>
public sealed record InternetTerminus(string Gateway, string Address) : Terminus;

/// <summary>
/// The VPC would carry the flow out to the internet, but LocalVpc's policy withholds it (<see cref="Explanations.IsWithheld"/>):
/// the data plane drops or rejects it like a denied flow.
/// </summary>
public sealed record WithheldTerminus(string Gateway, string ExplanationCode, string Reason) : Terminus;
