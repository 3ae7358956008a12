using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LocalVpc.Network.Forwarding;

/// <summary>
/// LocalVpc's own CA, kept in <c>DIR/ca/</c> (created on first use), and the server certificates it issues for the
/// names clients connect to (<c>kms.us-east-1.amazonaws.com</c>): point <c>AWS_CA_BUNDLE</c> at <see cref="CertificatePath"/>
/// and an unchanged SDK trusts the endpoint.
/// </summary>
public sealed class CertificateAuthority
{
    private static readonly TimeSpan LeafLifetime = TimeSpan.FromDays(365);
    private readonly X509Certificate2 _ca;
    private readonly ConcurrentDictionary<string, Lazy<X509Certificate2>> _leaves = new(StringComparer.OrdinalIgnoreCase);

    private CertificateAuthority(X509Certificate2 ca, string certificatePath)
    {
        _ca = ca;
        CertificatePath = certificatePath;
    }

    /// <summary>The CA certificate (PEM): what <c>AWS_CA_BUNDLE</c> names.</summary>
    public string CertificatePath { get; }

    /// <summary>Loads the CA from <paramref name="dataDirectory"/>/ca, creating it the first time.</summary>
    public static CertificateAuthority OpenOrCreate(string dataDirectory)
    {
        var directory = Path.Combine(dataDirectory, "ca");
        var certificatePath = Path.Combine(directory, "localvpc-ca.pem");
        var keyPath = Path.Combine(directory, "localvpc-ca.key");
        if (!File.Exists(certificatePath) || !File.Exists(keyPath))
        {
            Directory.CreateDirectory(directory);
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=LocalVpc CA, O=LocalVpc", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
            // The key first, readable by the owner only; the certificate last, so a half-written CA is never loaded.
            File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.WriteAllText(certificatePath, created.ExportCertificatePem());
        }
        return new CertificateAuthority(X509Certificate2.CreateFromPemFile(certificatePath, keyPath), certificatePath);
    }

    /// <summary>A server certificate for <paramref name="name"/> (a DNS name or an address), issued once and kept.</summary>
    public X509Certificate2 ServerCertificate(string name) =>
        _leaves.GetOrAdd(name.TrimEnd('.').ToLowerInvariant(), n => new Lazy<X509Certificate2>(() => Issue(n))).Value;

    private X509Certificate2 Issue(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        if (IPAddress.TryParse(name, out var address)) names.AddIpAddress(address);
        else names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // OpenSSL's strict checks (Python 3.13's default) want the issuer's key identifier in every certificate it issued.
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(_ca, now.AddDays(-1), now.Add(LeafLifetime) < _ca.NotAfter ? now.Add(LeafLifetime) : _ca.NotAfter, serial);
        // SslStream on Linux wants the key attached and the certificate in a form it can export to OpenSSL.
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
