namespace LocalVpc.Core.Catalog;

/// <summary>An AWS-managed prefix list: the addresses of a gateway service (S3, DynamoDB) in one region.</summary>
public sealed record PrefixList(string Id, string Name, string Region, ImmutableArray<string> Cidrs)
{
    public string Arn => $"arn:aws:ec2:{Region}:aws:prefix-list/{Id}";
}
