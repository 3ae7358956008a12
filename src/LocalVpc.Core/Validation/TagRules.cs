namespace LocalVpc.Core.Validation;

/// <summary>AWS's tag limits (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Tags.html#tag-restrictions).</summary>
public static class TagRules
{
    public const int MaxTagsPerResource = 50;
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;

    /// <summary>Checks one key and value.</summary>
    public static AwsError? Check(string key, string value)
    {
        if (key.Length == 0 || key.Length > MaxKeyLength)
            return Ec2Errors.InvalidParameterValue($"Tag key exceeds the maximum length of {MaxKeyLength} characters or is empty");
        if (value.Length > MaxValueLength)
            return Ec2Errors.InvalidParameterValue($"Tag value exceeds the maximum length of {MaxValueLength} characters");
        if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)) return Ec2Errors.ReservedTagKey();
        return null;
    }

    /// <summary>The resource's tags after adding <paramref name="add"/>, or the error AWS gives.</summary>
    public static AwsError? Merge(ImmutableSortedDictionary<string, string> current,
        IEnumerable<KeyValuePair<string, string>> add, out ImmutableSortedDictionary<string, string> merged)
    {
        merged = current;
        foreach (var (key, value) in add)
        {
            if (Check(key, value) is { } error) return error;
            merged = merged.SetItem(key, value);
        }
        return merged.Count > MaxTagsPerResource ? Ec2Errors.TagLimitExceeded(MaxTagsPerResource) : null;
    }

    /// <summary>
    /// The TagsChanged event for a new resource from a Create call's TagSpecifications, or null when it
    /// has none. Specifications for another resource type are refused, as AWS does.
    /// </summary>
    public static AwsError? ForNewResource(ImmutableArray<TagSpecification> specifications, string resourceType, string id,
        out TagsChanged? tags)
    {
        tags = null;
        var all = new List<KeyValuePair<string, string>>();
        foreach (var spec in specifications)
        {
            if (spec.ResourceType is null) return Ec2Errors.MissingParameter("TagSpecification.ResourceType");
            if (spec.ResourceType != resourceType) return Ec2Errors.InvalidTaggableResourceType(spec.ResourceType);
            all.AddRange(spec.Tags);
        }
        if (all.Count == 0) return null;
        if (Merge(ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal), all, out var merged) is { } error)
            return error;
        tags = new TagsChanged(id, merged);
        return null;
    }
}
