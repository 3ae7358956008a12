namespace LocalVpc.Core.Validation;

/// <summary>Which ids can carry tags, their resource types (as DescribeTags names them) and the error for an unknown one.</summary>
public static class Taggable
{
    /// <summary>The resource type of an existing taggable id, or the error CreateTags and DeleteTags give.</summary>
    public static AwsError? Check(AccountState state, string id, out string resourceType)
    {
        resourceType = TypeOf(id) ?? "";
        var exists = IdPrefix.Of(id) switch
        {
            IdPrefix.SecurityGroupRule => state.SecurityGroups.Values.Any(g => g.Rules.Any(r => r.Id == id)),
            IdPrefix.DhcpOptions => state.DhcpOptionsId == id,
            _ => state.Find(id) is not null,
        };
        if (exists) return null;
        if (IdPrefix.Of(id) == IdPrefix.SecurityGroupRule) return Ec2Errors.RuleNotFound(id);
        return ResourceKinds.Of(id)?.NotFound(id) ?? Ec2Errors.InvalidId(id);
    }

    /// <summary>The DescribeTags resource type of an id: its kind's, or one of the two taggable things that are not kinds.</summary>
    public static string? TypeOf(string id) => IdPrefix.Of(id) switch
    {
        IdPrefix.SecurityGroupRule => "security-group-rule",
        IdPrefix.DhcpOptions => "dhcp-options",
        _ => ResourceKinds.Of(id)?.TagType,
    };
}
