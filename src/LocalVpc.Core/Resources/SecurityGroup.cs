namespace LocalVpc.Core.Resources;

/// <summary>A security group: stateful allow rules, inbound and outbound, in one VPC.</summary>
public sealed record SecurityGroup(
    string Id,
    string Name,
    string Description,
    string VpcId,
    string OwnerId,
    ImmutableArray<SecurityGroupRule> Rules) : Resource(Id)
{
    /// <summary>The name of the group every VPC is created with.</summary>
    public const string DefaultName = "default";

    public bool IsDefault => Name == DefaultName;

    public IEnumerable<SecurityGroupRule> Ingress => Rules.Where(r => !r.IsEgress);

    public IEnumerable<SecurityGroupRule> Egress => Rules.Where(r => r.IsEgress);

    public string Arn(string region) => $"arn:aws:ec2:{region}:{OwnerId}:security-group/{Id}";
}
