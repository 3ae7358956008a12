namespace LocalVpc.Ec2Api.Protocol;

/// <summary>One API action (EC2 or Elastic Load Balancing): binds the call, runs it in Core, and answers.</summary>
public delegate Task<ApiReply> ApiHandler(ApiCall call);
