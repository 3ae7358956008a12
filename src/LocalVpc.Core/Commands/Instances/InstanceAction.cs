namespace LocalVpc.Core.Commands.Instances;

/// <summary>What Start, Stop and TerminateInstances ask for.</summary>
public enum InstanceAction
{
    Start,
    Stop,
    Terminate,
}
