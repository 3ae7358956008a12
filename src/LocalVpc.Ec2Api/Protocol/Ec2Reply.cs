namespace LocalVpc.Ec2Api.Protocol;

/// <summary>A handler's answer: an AWS error, or the body to write inside <c>&lt;ActionResponse&gt;</c> after the requestId.</summary>
public readonly record struct Ec2Reply(Ec2Error? Error, Action<XmlWriter>? Body)
{
    public static implicit operator Ec2Reply(Ec2Error error) => new(error, null);

    public static Ec2Reply Ok(Action<XmlWriter> body) => new(null, body);

    /// <summary><c>&lt;return&gt;true&lt;/return&gt;</c>, what EC2 sends for calls that only succeed or fail.</summary>
    public static Ec2Reply True { get; } = new(null, w => w.WriteElementString("return", "true"));
}
