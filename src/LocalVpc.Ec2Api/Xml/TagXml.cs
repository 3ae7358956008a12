namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes tags: <c>Tag</c> (in every resource's <c>tagSet</c>) and <c>TagDescription</c>.</summary>
public static class TagXml
{
    /// <summary>A resource's <c>tagSet</c>; left out when it has no tags, as EC2 does.</summary>
    public static void TagSet(XmlWriter w, IReadOnlyDictionary<string, string> tags)
    {
        if (tags.Count == 0) return;
        w.List("tagSet", tags, (w, t) =>
        {
            w.Element("key", t.Key);
            w.Element("value", t.Value);
        });
    }

    public static void TagDescription(XmlWriter w, TagDescription tag)
    {
        w.Element("key", tag.Key);
        w.Element("resourceId", tag.ResourceId);
        w.Element("resourceType", tag.ResourceType);
        w.Element("value", tag.Value);
    }
}
