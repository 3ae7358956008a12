using System.Text;

namespace LocalVpc.Network.Proxy.Http;

/// <summary>An HTTP proxy's refusal: a status for the <see cref="Refusal"/>, the explanation code in a header, the reason in the body.</summary>
internal static class HttpRefusal
{
    /// <summary>The header a refusal carries its explanation code in; <c>localvpc probe --live</c> reads it.</summary>
    public const string ExplanationHeader = "X-LocalVpc-Explanation";

    public static ValueTask WriteAsync(Stream client, Refusal refusal, string? explanationCode, string reason, CancellationToken cancellationToken)
    {
        var (status, text) = refusal switch
        {
            Refusal.NotAllowed => (403, "Forbidden"),
            Refusal.CommandNotSupported => (405, "Method Not Allowed"),
            Refusal.GeneralFailure or Refusal.AddressTypeNotSupported => (400, "Bad Request"),
            _ => (502, "Bad Gateway"),
        };
        var body = Encoding.UTF8.GetBytes(reason + "\n");
        var head = $"HTTP/1.1 {status} {text}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n" +
                   (explanationCode is null ? "" : $"{ExplanationHeader}: {explanationCode}\r\n") + "\r\n";
        byte[] reply = [.. Encoding.ASCII.GetBytes(head), .. body];
        return client.WriteAsync(reply, cancellationToken);
    }
}
