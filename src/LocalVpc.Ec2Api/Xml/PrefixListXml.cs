namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>PrefixList</c> and <c>ManagedPrefixList</c> shapes for AWS-managed lists.</summary>
public static class PrefixListXml
{
    public static void PrefixList(XmlWriter w, PrefixList list)
    {
        w.Element("prefixListId", list.Id);
        w.Element("prefixListName", list.Name);
        w.StringList("cidrSet", list.Cidrs);
    }

    public static void ManagedPrefixList(XmlWriter w, PrefixList list)
    {
        w.Element("prefixListId", list.Id);
        w.Element("addressFamily", "IPv4");
        w.Element("state", "create-complete");
        w.Element("prefixListArn", list.Arn);
        w.Element("prefixListName", list.Name);
        w.Element("maxEntries", list.Cidrs.Length);
        w.Element("version", 1);
        w.Element("ownerId", "AWS");
    }
}
