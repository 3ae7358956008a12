namespace LocalVpc.Ec2Api.Protocol;

/// <summary>
/// The writer of a response document: everything an <see cref="XmlWriter"/> writes, passed on to one, plus fragments
/// already serialised as UTF-8 (<see cref="Xml.XmlFragmentCache{T}"/>) copied into the document's bytes as they are.
/// <see cref="XmlWriter.WriteRaw(string)"/> would re-encode each one character by character: for a listing of 1,000
/// endpoints that was the larger part of the server's time.
/// </summary>
public sealed class DocumentXmlWriter(XmlWriter inner, Stream output) : XmlWriter
{
    /// <summary>Appends UTF-8 markup as it is, after whatever was written before it.</summary>
    public void WriteUtf8(ReadOnlySpan<byte> markup)
    {
        // Closes a start tag still open (its '>'), then hands what the writer buffered to the stream before the fragment.
        inner.WriteRaw("");
        inner.Flush();
        output.Write(markup);
    }

    public override WriteState WriteState => inner.WriteState;
    public override XmlWriterSettings? Settings => inner.Settings;
    public override void Flush() => inner.Flush();
    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);
    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);
    public override void WriteCData(string? text) => inner.WriteCData(text);
    public override void WriteCharEntity(char ch) => inner.WriteCharEntity(ch);
    public override void WriteChars(char[] buffer, int index, int count) => inner.WriteChars(buffer, index, count);
    public override void WriteComment(string? text) => inner.WriteComment(text);
    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);
    public override void WriteEndAttribute() => inner.WriteEndAttribute();
    public override void WriteEndDocument() => inner.WriteEndDocument();
    public override void WriteEndElement() => inner.WriteEndElement();
    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);
    public override void WriteFullEndElement() => inner.WriteFullEndElement();
    public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, text);
    public override void WriteRaw(char[] buffer, int index, int count) => inner.WriteRaw(buffer, index, count);
    public override void WriteRaw(string data) => inner.WriteRaw(data);
    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);
    public override void WriteStartDocument() => inner.WriteStartDocument();
    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);
    public override void WriteStartElement(string? prefix, string localName, string? ns) => inner.WriteStartElement(prefix, localName, ns);
    public override void WriteString(string? text) => inner.WriteString(text);
    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);
    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
