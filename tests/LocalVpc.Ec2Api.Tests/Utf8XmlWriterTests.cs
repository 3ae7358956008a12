using System.Text;
using System.Xml;
using LocalVpc.Ec2Api.Protocol;

namespace LocalVpc.Ec2Api.Tests;

/// <summary>
/// Replies were written by System.Xml's writer before <see cref="Utf8XmlWriter"/>: the same calls through both must give
/// the same bytes, so every client that read the one reads the other.
/// </summary>
public sealed class Utf8XmlWriterTests
{
    private const string Ec2 = "http://ec2.amazonaws.com/doc/2016-11-15/";

    /// <summary>The settings replies were written with by System.Xml.</summary>
    private static readonly XmlWriterSettings SystemXml = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        CheckCharacters = false,
        NewLineHandling = NewLineHandling.None,
    };

    private static (byte[] SystemXml, byte[] Utf8) Both(Action<XmlWriter> document)
    {
        using var expected = new MemoryStream();
        using (var w = XmlWriter.Create(expected, SystemXml)) document(w);
        using var actual = new MemoryStream();
        using (var w = new Utf8XmlWriter(actual)) document(w);
        return (expected.ToArray(), actual.ToArray());
    }

    private static void AssertSameBytes(Action<XmlWriter> document)
    {
        var (systemXml, utf8) = Both(document);
        Assert.Equal(Encoding.UTF8.GetString(systemXml), Encoding.UTF8.GetString(utf8));
        Assert.Equal(systemXml, utf8);
    }

    [Fact]
    public void AReply_InItsNamespace_WithNestedItems_EmptyElements_AndEscapedText()
    {
        AssertSameBytes(w =>
        {
            w.WriteStartDocument();
            w.WriteStartElement("DescribeThingsResponse", Ec2);
            w.WriteElementString("requestId", Ec2, "0f5a7f5e-1b0c-4b8e-9a57-3d3a1c0d2e4f");
            w.WriteStartElement("thingSet");
            w.WriteStartElement("item");
            w.WriteElementString("name", "a & b <c> \"d\" 'e'\r\n\ttabbed");
            w.WriteElementString("empty", "");
            w.WriteElementString("unicode", "café ☕ 𝄞 Ω");
            w.WriteStartElement("tagSet");
            w.WriteEndElement();
            w.WriteStartElement("full");
            w.WriteFullEndElement();
            w.WriteStartElement("text");
            w.WriteString("one ");
            w.WriteString("");
            w.WriteString("two > three");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        });
    }

    [Fact]
    public void TheErrorDocument_InNoNamespace_AndElementsLeftOpen_ClosedByTheDocumentsEnd()
    {
        AssertSameBytes(w =>
        {
            w.WriteStartDocument();
            w.WriteStartElement("Response");
            w.WriteStartElement("Errors");
            w.WriteStartElement("Error");
            w.WriteElementString("Code", "InvalidParameterValue");
            w.WriteElementString("Message", "Value (<bad>) for parameter cidrBlock is invalid");
            w.WriteEndDocument();
        });
    }

    [Fact]
    public void ANamespaceChangedInside_IsDeclared_AndUndeclaredWithAnEmptyOne()
    {
        AssertSameBytes(w =>
        {
            w.WriteStartDocument();
            w.WriteStartElement("Outer", "urn:one");
            w.WriteElementString("same", "urn:one", "x");
            w.WriteStartElement("Inner", "urn:two&\"three\"");
            w.WriteElementString("inherited", "y");
            w.WriteEndElement();
            w.WriteElementString("none", "", "z");
            w.WriteEndElement();
        });
    }

    [Fact]
    public void TextLongerThanTheBuffer_WithCharactersAcrossItsEdges_IsWrittenWhole()
    {
        // Multi-byte characters and surrogate pairs at every offset around the 4,096-byte buffer's edge.
        var text = string.Concat(Enumerable.Range(0, 3000).Select(i => (i % 4) switch { 0 => "é", 1 => "𝄞", 2 => "&", _ => "ab" }));
        AssertSameBytes(w =>
        {
            w.WriteStartDocument();
            w.WriteStartElement("DescribeThingsResponse", Ec2);
            for (var i = 0; i < 3; i++) w.WriteElementString("value", text);
            w.WriteRaw("<raw>" + text.Replace("&", "&amp;") + "</raw>");
            w.WriteEndElement();
        });
    }

    [Fact]
    public void ALoneSurrogate_IsWrittenAsTheReplacementCharacter_NotAnError()
    {
        using var bytes = new MemoryStream();
        using (var w = new Utf8XmlWriter(bytes)) w.WriteElementString("value", "a\ud800b");
        Assert.Equal("<value>a\ufffdb</value>", Encoding.UTF8.GetString(bytes.ToArray()));
    }

    [Fact]
    public void UTF8Markup_FollowsWhatWasWritten_ClosingAStartTagLeftOpen()
    {
        using var bytes = new MemoryStream();
        using (var w = new Utf8XmlWriter(bytes))
        {
            w.WriteStartElement("item");
            w.WriteUtf8("<id>x</id>"u8);
            w.WriteEndElement();
            w.WriteStartElement("item");
            w.WriteUtf8(""u8);
            w.WriteEndElement();
        }
        Assert.Equal("<item><id>x</id></item><item></item>", Encoding.UTF8.GetString(bytes.ToArray()));
    }
}
