using System.Buffers;
using System.Text.Unicode;

namespace LocalVpc.Ec2Api.Protocol;

/// <summary>
/// The writer of response documents and of cached fragments: the part of <see cref="XmlWriter"/> that EC2's shapes use
/// (elements in one default namespace at a time, text, the declaration) written as UTF-8 into a stream through one pooled
/// buffer. System.Xml's writer made about 8 KB of buffers and state for every reply, a sixth of all a create allocated.
/// The bytes are those System.Xml's writer writes with <c>CheckCharacters = false</c> and <c>NewLineHandling.None</c>
/// (a test writes the same calls through both), except that a lone surrogate becomes U+FFFD instead of an exception.
/// </summary>
public sealed class Utf8XmlWriter(Stream output) : XmlWriter
{
    private const int BufferSize = 4096;
    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"");
    private static readonly SearchValues<char> EscapedInText = SearchValues.Create("&<>");

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _length;
    /// <summary>The open elements, innermost last, each with the default namespace inside it.</summary>
    private readonly Stack<(string Name, string Namespace)> _open = new(8);
    /// <summary>"&lt;name" is written and its '&gt;' is not: nothing was written inside it, so its end is " /&gt;".</summary>
    private bool _startTagOpen;
    private WriteState _state = WriteState.Start;

    public override WriteState WriteState => _state;

    public override void WriteStartDocument() => WriteStartDocument(standalone: null);

    public override void WriteStartDocument(bool standalone) => WriteStartDocument((bool?)standalone);

    private void WriteStartDocument(bool? standalone)
    {
        if (_state != WriteState.Start) throw new InvalidOperationException("The declaration comes first in a document");
        Write("<?xml version=\"1.0\" encoding=\"utf-8\""u8);
        if (standalone is { } yes) Write(yes ? " standalone=\"yes\""u8 : " standalone=\"no\""u8);
        Write("?>"u8);
        _state = WriteState.Prolog;
    }

    public override void WriteStartElement(string? prefix, string localName, string? ns)
    {
        if (!string.IsNullOrEmpty(prefix)) throw new NotSupportedException("Prefixed names are not written by LocalVpc");
        CloseStartTag();
        var inScope = _open.TryPeek(out var parent) ? parent.Namespace : "";
        var own = ns ?? inScope;
        Write((byte)'<');
        Encode(localName);
        if (own != inScope)
        {
            Write(" xmlns=\""u8);
            WriteEscaped(own, Escaped);
            Write((byte)'"');
        }
        _open.Push((localName, own));
        _startTagOpen = true;
        _state = WriteState.Element;
    }

    public override void WriteEndElement() => End(full: false);

    public override void WriteFullEndElement() => End(full: true);

    private void End(bool full)
    {
        if (!_open.TryPop(out var element)) throw new InvalidOperationException("No element is open");
        if (_startTagOpen && !full) Write(" />"u8);
        else
        {
            CloseStartTag();
            Write("</"u8);
            Encode(element.Name);
            Write((byte)'>');
        }
        _startTagOpen = false;
        _state = _open.Count == 0 ? WriteState.Prolog : WriteState.Content;
    }

    public override void WriteEndDocument()
    {
        while (_open.Count > 0) WriteEndElement();
        _state = WriteState.Start;
    }

    public override void WriteString(string? text) => WriteText(text);

    public override void WriteChars(char[] buffer, int index, int count) => WriteText(buffer.AsSpan(index, count));

    private void WriteText(ReadOnlySpan<char> text)
    {
        // An empty text writes nothing, so the element stays empty (System.Xml's writer takes its '>' back the same way).
        if (text.IsEmpty) return;
        CloseStartTag();
        WriteEscaped(text, EscapedInText);
    }

    public override void WriteRaw(string data) => WriteRaw(data.AsSpan());

    public override void WriteRaw(char[] buffer, int index, int count) => WriteRaw(buffer.AsSpan(index, count));

    private void WriteRaw(ReadOnlySpan<char> markup)
    {
        CloseStartTag();
        Encode(markup);
    }

    /// <summary>Appends UTF-8 markup (a cached fragment) as it is.</summary>
    public void WriteUtf8(ReadOnlySpan<byte> markup)
    {
        CloseStartTag();
        Write(markup);
    }

    public override void Flush()
    {
        output.Write(_buffer, 0, _length);
        _length = 0;
    }

    public override string? LookupPrefix(string ns) => _open.TryPeek(out var element) && element.Namespace == ns ? "" : null;

    protected override void Dispose(bool disposing)
    {
        if (disposing && _state != WriteState.Closed)
        {
            Flush();
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _state = WriteState.Closed;
        }
        base.Dispose(disposing);
    }

    private void CloseStartTag()
    {
        if (!_startTagOpen) return;
        Write((byte)'>');
        _startTagOpen = false;
        _state = WriteState.Content;
    }

    private void WriteEscaped(ReadOnlySpan<char> text, SearchValues<char> escaped)
    {
        int at;
        while ((at = text.IndexOfAny(escaped)) >= 0)
        {
            Encode(text[..at]);
            Write(text[at] switch { '&' => "&amp;"u8, '<' => "&lt;"u8, '>' => "&gt;"u8, _ => "&quot;"u8 });
            text = text[(at + 1)..];
        }
        Encode(text);
    }

    private void Encode(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var status = Utf8.FromUtf16(text, _buffer.AsSpan(_length), out var read, out var written, replaceInvalidSequences: true);
            _length += written;
            if (status is OperationStatus.Done) return;
            // The buffer is full: what fitted (whole characters) is written, the rest after a flush.
            text = text[read..];
            Flush();
        }
    }

    private void Write(byte value)
    {
        if (_length == _buffer.Length) Flush();
        _buffer[_length++] = value;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _length)
        {
            Flush();
            if (bytes.Length > _buffer.Length)
            {
                output.Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    // Not written by LocalVpc's shapes: refused rather than written wrongly.
    public override void WriteBase64(byte[] buffer, int index, int count) => throw Unsupported();
    public override void WriteCData(string? text) => throw Unsupported();
    public override void WriteCharEntity(char ch) => throw Unsupported();
    public override void WriteComment(string? text) => throw Unsupported();
    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => throw Unsupported();
    public override void WriteEntityRef(string name) => throw Unsupported();
    public override void WriteProcessingInstruction(string name, string? text) => throw Unsupported();
    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => throw Unsupported();
    public override void WriteEndAttribute() => throw Unsupported();
    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => throw Unsupported();
    public override void WriteWhitespace(string? ws) => throw Unsupported();

    private static NotSupportedException Unsupported() => new("Utf8XmlWriter writes elements and text only");
}
