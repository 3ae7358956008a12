namespace LocalVpc.Network;

/// <summary>The data plane's log lines, with stable event ids.</summary>
internal static partial class NetworkLog
{
    [LoggerMessage(1, LogLevel.Information, "{Instance} → {Destination}: allowed, to {Upstream}")]
    public static partial void Allowed(ILogger logger, string instance, string destination, string upstream);

    [LoggerMessage(2, LogLevel.Information, "{Instance} → {Destination}: denied ({Mode}) {Code}: {Explanation}")]
    public static partial void Denied(ILogger logger, string instance, string destination, string mode, string? code, string explanation);

    [LoggerMessage(3, LogLevel.Information, "{Instance} → {Destination}: allowed by the VPC, refused ({Code}): {Reason}")]
    public static partial void NotServed(ILogger logger, string instance, string destination, string code, string reason);

    [LoggerMessage(4, LogLevel.Debug, "{Instance} → {Destination}: closed {Result}, {Sent} bytes sent, {Received} received")]
    public static partial void Closed(ILogger logger, string instance, string destination, string result, long sent, long received);

    [LoggerMessage(5, LogLevel.Debug, "{Instance}: proxy connection ended early: {Reason}")]
    public static partial void HandshakeFailed(ILogger logger, string instance, string reason);

    [LoggerMessage(6, LogLevel.Information, "{What} listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, string what, EndPoint endPoint);

    [LoggerMessage(10, LogLevel.Warning, "{FlowLog}: {Reason}")]
    public static partial void FlowLogNotDelivered(ILogger logger, string flowLog, string reason);

    [LoggerMessage(7, LogLevel.Warning, "{What}: {Reason}")]
    public static partial void ListenerFailed(ILogger logger, string what, string reason);

    [LoggerMessage(8, LogLevel.Debug, "DNS {Vpc}: could not forward {Name}: {Reason}")]
    public static partial void ForwardFailed(ILogger logger, string vpc, string name, string reason);

    [LoggerMessage(9, LogLevel.Information, "health of {Target}:{Port} in {Group}: {State}")]
    public static partial void HealthChanged(ILogger logger, string target, int port, string group, TargetHealthState state);
}
