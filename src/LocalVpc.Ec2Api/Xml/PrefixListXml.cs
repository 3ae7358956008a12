namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>PrefixList</c> shape (AWS's lists) and the <c>ManagedPrefixList</c> shape (AWS's and the account's).</summary>
public static class PrefixListXml
{
    public static void PrefixList(XmlWriter w, PrefixList list)
    {
        w.Element("prefixListId", list.Id);
        w.Element("prefixListName", list.Name);
        w.StringList("cidrSet", list.Cidrs);
    }

    public static void ManagedPrefixList(XmlWriter w, Actions.PrefixLists.Listed list, AccountState state)
    {
        w.Element("prefixListId", list.Id);
        w.Element("addressFamily", list.AddressFamily);
        w.Element("state", list.State);
        w.Element("prefixListArn", list.Arn);
        w.Element("prefixListName", list.Name);
        w.Element("maxEntries", list.MaxEntries);
        w.Element("version", list.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (list.Own) TagXml.TagSet(w, state.TagsOf(list.Id));
        w.Element("ownerId", list.OwnerId);
    }
}
