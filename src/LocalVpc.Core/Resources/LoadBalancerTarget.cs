namespace LocalVpc.Core.Resources;

/// <summary>A registered target: an instance id or an IP address, and the port traffic goes to.</summary>
public sealed record LoadBalancerTarget(string Id, int Port);
