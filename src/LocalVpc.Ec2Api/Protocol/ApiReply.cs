namespace LocalVpc.Ec2Api.Protocol;

/// <summary>A handler's answer: an AWS error, or the body to write inside <c>&lt;ActionResponse&gt;</c> after the requestId.</summary>
public readonly record struct ApiReply(AwsError? Error, Action<XmlWriter>? Body)
{
    public static implicit operator ApiReply(AwsError error) => new(error, null);

    public static ApiReply Ok(Action<XmlWriter> body) => new(null, body);

    /// <summary><c>&lt;return&gt;true&lt;/return&gt;</c>, what EC2 sends for calls that only succeed or fail.</summary>
    public static ApiReply True { get; } = new(null, w => w.WriteElementString("return", "true"));
}
