namespace LocalVpc.Core.Resources;

/// <summary>A subnet's association with a network ACL (<c>aclassoc-…</c>), as the API shows it. Every subnet has exactly one.</summary>
public sealed record NetworkAclAssociation(string Id, string SubnetId);
