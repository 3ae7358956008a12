namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>DhcpOptions</c> shape.</summary>
public static class DhcpOptionsXml
{
    public static void DhcpOptions(XmlWriter w, DhcpOptions options, AccountState state)
    {
        w.Element("dhcpOptionsId", options.Id);
        w.Element("ownerId", options.OwnerId);
        w.List("dhcpConfigurationSet", options.Configurations, (w, c) =>
        {
            w.Element("key", c.Key);
            w.List("valueSet", c.Values, (w, v) => w.Element("value", v));
        });
        TagXml.TagSet(w, state.TagsOf(options.Id));
    }
}
