namespace LocalVpc.Network.Forwarding;

/// <summary>
/// The local stand-in serving an AWS service: <c>kms=http://127.0.0.1:5000</c>. A <c>tcp://</c> upstream gets the
/// connection as it is; an <c>http://</c> or <c>https://</c> one gets the HTTP inside it, after LocalVpc terminates the
/// client's TLS on 443 with its own CA.
/// </summary>
public sealed record ServiceUpstream(string Service, string Scheme, string Host, int Port)
{
    public bool SpeaksHttp => Scheme is "http" or "https";

    public override string ToString() => $"{Scheme}://{(Host.Contains(':') ? $"[{Host}]" : Host)}:{Port}";

    /// <summary>Reads <c>NAME=URL</c>; the error says what is wrong.</summary>
    public static bool TryParse(string text, out ServiceUpstream? upstream, out string? error)
    {
        upstream = null;
        var equals = text.IndexOf('=');
        if (equals <= 0)
        {
            error = $"--service takes NAME=URL (kms=http://127.0.0.1:5000), not '{text}'";
            return false;
        }
        return TryParse(text[..equals].Trim(), text[(equals + 1)..].Trim(), out upstream, out error);
    }

    /// <summary>Reads a service name and its URL.</summary>
    public static bool TryParse(string service, string url, out ServiceUpstream? upstream, out string? error)
    {
        upstream = null;
        error = null;
        service = service.ToLowerInvariant();
        if (service.Length == 0 || !service.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
            error = $"'{service}' is not a service name such as kms, sts or s3";
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("tcp" or "http" or "https") || uri.Port <= 0)
            error = $"the upstream of {service} must be tcp://HOST:PORT, http://HOST:PORT or https://HOST:PORT, not '{url}'";
        else
            upstream = new ServiceUpstream(service, uri.Scheme, uri.IdnHost, uri.Port);
        return error is null;
    }
}
