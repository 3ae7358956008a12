namespace LocalVpc.Ec2Api.Protocol;

/// <summary>One EC2 action: binds the call, runs it in Core, and answers.</summary>
public delegate Task<Ec2Reply> Ec2Handler(Ec2Call call);
