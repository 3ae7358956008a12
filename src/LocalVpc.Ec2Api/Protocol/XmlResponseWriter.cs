namespace LocalVpc.Ec2Api.Protocol;

/// <summary>Writes EC2's success and error documents (the ec2 protocol: no Result wrapper, requestId first).</summary>
public static class XmlResponseWriter
{
    public const string Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";
    public const string ContentType = "text/xml;charset=UTF-8";

    /// <summary><c>&lt;{Action}Response xmlns="…"&gt;&lt;requestId/&gt;…&lt;/{Action}Response&gt;</c></summary>
    public static XmlDocumentBuffer Success(string action, string requestId, Action<XmlWriter> body) => Write(w =>
    {
        w.WriteStartElement(action + "Response", Namespace);
        w.WriteElementString("requestId", Namespace, requestId);
        body(w);
        w.WriteEndElement();
    });

    /// <summary>
    /// The query protocol's document (Elastic Load Balancing): <c>&lt;{Action}Response&gt;&lt;{Action}Result&gt;…&lt;/…&gt;
    /// &lt;ResponseMetadata&gt;&lt;RequestId/&gt;&lt;/…&gt;</c>.
    /// </summary>
    public static XmlDocumentBuffer QuerySuccess(string action, string? resultWrapper, string xmlNamespace, string requestId,
        Action<XmlWriter> body) => Write(w =>
    {
        w.WriteStartElement(action + "Response", xmlNamespace);
        if (resultWrapper is not null)
        {
            w.WriteStartElement(resultWrapper, xmlNamespace);
            body(w);
            w.WriteEndElement();
        }
        w.WriteStartElement("ResponseMetadata", xmlNamespace);
        w.WriteElementString("RequestId", xmlNamespace, requestId);
        w.WriteEndElement();
        w.WriteEndElement();
    });

    /// <summary>
    /// An error message that may echo what the caller sent, with every character XML 1.0 forbids written as <c>\uXXXX</c>
    /// text: the writer does not check characters, and a client cannot parse a reply that holds one.
    /// </summary>
    public static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var safe = new System.Text.StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) safe.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) safe.Append(text[i]).Append(text[++i]);
            else safe.Append($"\\u{(int)text[i]:x4}");
        }
        return safe.ToString();
    }

    /// <summary>The query protocol's error: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>.</summary>
    public static XmlDocumentBuffer QueryError(AwsError error, string xmlNamespace, string requestId) => Write(w =>
    {
        w.WriteStartElement("ErrorResponse", xmlNamespace);
        w.WriteStartElement("Error", xmlNamespace);
        w.WriteElementString("Type", xmlNamespace, error.HttpStatus >= 500 ? "Receiver" : "Sender");
        w.WriteElementString("Code", xmlNamespace, error.Code);
        w.WriteElementString("Message", xmlNamespace, XmlSafe(error.Message));
        w.WriteEndElement();
        w.WriteElementString("RequestId", xmlNamespace, requestId);
        w.WriteEndElement();
    });

    /// <summary><c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;…&lt;RequestID/&gt;</c>: note the capital ID here.</summary>
    public static XmlDocumentBuffer Error(AwsError error, string requestId) => Write(w =>
    {
        w.WriteStartElement("Response");
        w.WriteStartElement("Errors");
        w.WriteStartElement("Error");
        w.WriteElementString("Code", error.Code);
        w.WriteElementString("Message", XmlSafe(error.Message));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteElementString("RequestID", requestId);
        w.WriteEndElement();
    });

    /// <summary>The document, in pooled blocks (listings can be megabytes): the caller disposes it once sent.</summary>
    private static XmlDocumentBuffer Write(Action<XmlWriter> content)
    {
        var document = new XmlDocumentBuffer();
        try
        {
            using var writer = new Utf8XmlWriter(document.Stream);
            writer.WriteStartDocument();
            content(writer);
            writer.WriteEndDocument();
        }
        catch
        {
            document.Dispose();
            throw;
        }
        return document;
    }
}
