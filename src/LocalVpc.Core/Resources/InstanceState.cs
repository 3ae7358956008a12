namespace LocalVpc.Core.Resources;

/// <summary>An instance state with EC2's code (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceState.html).</summary>
public sealed record InstanceState(int Code, string Name)
{
    public static InstanceState Pending { get; } = new(0, "pending");
    public static InstanceState Running { get; } = new(16, "running");
    public static InstanceState ShuttingDown { get; } = new(32, "shutting-down");
    public static InstanceState Terminated { get; } = new(48, "terminated");
    public static InstanceState Stopping { get; } = new(64, "stopping");
    public static InstanceState Stopped { get; } = new(80, "stopped");

    public static InstanceState Of(string name) =>
        new[] { Pending, Running, ShuttingDown, Terminated, Stopping, Stopped }.First(s => s.Name == name);
}
