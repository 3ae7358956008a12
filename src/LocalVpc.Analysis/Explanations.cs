namespace LocalVpc.Analysis;

/// <summary>
/// Every explanation code a hop or a refused connection can carry, in one place: AWS's Reachability Analyzer codes
/// where one exists (https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html), else LocalVpc's own
/// (<c>LOCALVPC_…</c>).
/// </summary>
public static class Explanations
{
    // AWS's codes.
    public const string SecurityGroupRulesMismatch = "ENI_SG_RULES_MISMATCH";
    public const string NoRouteToDestination = "NO_ROUTE_TO_DESTINATION";
    public const string SubnetAclRestriction = "SUBNET_ACL_RESTRICTION";
    public const string BadState = "BAD_STATE";
    public const string BadStateRoute = "BAD_STATE_ROUTE";
    public const string ListenersMismatch = "ELBV2_LISTENERS_MISMATCH";
    public const string ListenerHasNoTargetGroup = "ELBV2_LISTENER_HAS_NO_TG";
    public const string InternetGatewayNeedsPublicIp = "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS";
    public const string NoSourceOrDestination = "NO_SOURCE_OR_DESTINATION";

    // LocalVpc's: the VPC's side.
    public const string NameNotResolved = "LOCALVPC_NAME_NOT_RESOLVED";
    public const string VpcDnsSupportDisabled = "LOCALVPC_VPC_DNS_SUPPORT_DISABLED";
    public const string EndpointPendingAcceptance = "LOCALVPC_ENDPOINT_PENDING_ACCEPTANCE";
    public const string EndpointRejected = "LOCALVPC_ENDPOINT_REJECTED";
    public const string NoAddressOfFamily = "LOCALVPC_NO_ADDRESS_OF_FAMILY";
    public const string EgressOnlyInbound = "LOCALVPC_EGRESS_ONLY_INBOUND";

    // LocalVpc's: its own policy, where the VPC would carry the flow but LocalVpc withholds it.
    public const string InternetDenied = "LOCALVPC_INTERNET_DENIED";
    public const string NotPublic = "LOCALVPC_NOT_PUBLIC";

    // LocalVpc's: the network carried the flow, but nothing here serves its end.
    public const string NoUpstream = "LOCALVPC_NO_UPSTREAM";
    public const string NothingListening = "LOCALVPC_NOTHING_LISTENING";
    public const string UpstreamUnreachable = "LOCALVPC_UPSTREAM_UNREACHABLE";

    /// <summary>Whether the code is LocalVpc's policy withholding a flow the VPC itself would carry (to the internet).</summary>
    public static bool IsWithheld(string? code) => code is InternetDenied or NotPublic;
}
