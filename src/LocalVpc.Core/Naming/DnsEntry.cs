namespace LocalVpc.Core.Naming;

/// <summary>One DNS name of an endpoint and the hosted zone it lives in.</summary>
public sealed record DnsEntry(string DnsName, string HostedZoneId);
