namespace LocalVpc.Core.Commands.Instances;

/// <summary>One instance's move from one state to another, as Start, Stop and TerminateInstances report it.</summary>
public sealed record InstanceStateChange(string InstanceId, InstanceState Previous, InstanceState Current);
