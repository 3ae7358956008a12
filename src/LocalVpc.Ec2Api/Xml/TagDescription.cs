namespace LocalVpc.Ec2Api.Xml;

/// <summary>One tag of one resource, as DescribeTags lists it.</summary>
public sealed record TagDescription(string ResourceId, string ResourceType, string Key, string Value);
