using LocalVpc.Network.Proxy;

namespace LocalVpc.Network.Forwarding;

/// <summary>What delivering an allowed flow gave.</summary>
public abstract record DialOutcome;

/// <summary>Connected to what serves the destination. With <see cref="Http"/> set, the client's TLS ends at LocalVpc and its HTTP goes on to that upstream.</summary>
public sealed record Dialed(Socket Socket, string Destination, ServiceUpstream? Http) : DialOutcome;

/// <summary>Not connected: <see cref="Denied"/> when LocalVpc's own policy stops the flow (it is then dropped or rejected like any denied flow), else nothing serves it.</summary>
public sealed record NotDialed(Refusal Refusal, string Code, string Reason, bool Denied = false) : DialOutcome;
