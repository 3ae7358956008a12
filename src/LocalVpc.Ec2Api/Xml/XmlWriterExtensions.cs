using System.Globalization;

namespace LocalVpc.Ec2Api.Xml;

/// <summary>The few forms every EC2 shape writer uses: scalars in EC2's spelling and <c>&lt;item&gt;</c> lists.</summary>
public static class XmlWriterExtensions
{
    public static void Element(this XmlWriter w, string name, string? value)
    {
        if (value is not null) w.WriteElementString(name, value);
    }

    public static void Element(this XmlWriter w, string name, bool value) => w.WriteElementString(name, value ? "true" : "false");

    public static void Element(this XmlWriter w, string name, int? value)
    {
        if (value is { } v) w.WriteElementString(name, v.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A timestamp as EC2 writes it: <c>2025-01-31T12:00:00.000Z</c>.</summary>
    public static void Element(this XmlWriter w, string name, DateTimeOffset value) =>
        w.WriteElementString(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    /// <summary>A structure element: <c>&lt;name&gt;…&lt;/name&gt;</c>.</summary>
    public static void Structure(this XmlWriter w, string name, Action<XmlWriter> members)
    {
        w.WriteStartElement(name);
        members(w);
        w.WriteEndElement();
    }

    /// <summary>A list: <c>&lt;name&gt;&lt;item&gt;…&lt;/item&gt;…&lt;/name&gt;</c>, each item written by <paramref name="item"/>.</summary>
    public static void List<T>(this XmlWriter w, string name, IEnumerable<T> items, Action<XmlWriter, T> item) =>
        List(w, name, items, item, "item");

    /// <summary>A query-protocol list (Elastic Load Balancing): items are <c>&lt;member&gt;</c>.</summary>
    public static void MemberList<T>(this XmlWriter w, string name, IEnumerable<T> items, Action<XmlWriter, T> item) =>
        List(w, name, items, item, "member");

    private static void List<T>(XmlWriter w, string name, IEnumerable<T> items, Action<XmlWriter, T> item, string itemName)
    {
        w.WriteStartElement(name);
        foreach (var value in items)
        {
            w.WriteStartElement(itemName);
            item(w, value);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>A list of strings: <c>&lt;name&gt;&lt;item&gt;value&lt;/item&gt;…&lt;/name&gt;</c>.</summary>
    public static void StringList(this XmlWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartElement(name);
        foreach (var value in items) w.WriteElementString("item", value);
        w.WriteEndElement();
    }
}
