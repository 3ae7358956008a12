using LocalVpc.Network.Proxy;

namespace LocalVpc.Network.Forwarding;

/// <summary>What delivering an allowed flow gave.</summary>
public abstract record DialOutcome;

/// <summary>Connected to what serves the destination. With <see cref="Http"/> set, the client's TLS ends at LocalVpc and its HTTP goes on to that upstream.</summary>
public sealed record Dialed(Leg Upstream, string Destination, ServiceUpstream? Http) : DialOutcome;

/// <summary>Not connected: the network carried the flow, but nothing here serves its end (<see cref="Code"/> says what).</summary>
public sealed record NotDialed(Refusal Refusal, string Code, string Reason) : DialOutcome;
