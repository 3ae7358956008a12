using System.Net;
using System.Net.Sockets;

namespace LocalVpc.Core.Cidr;

/// <summary>An IPv6 network in canonical form (no host bits set), e.g. 2600:1f18:0:100::/56.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Ipv6CidrJsonConverter))]
public readonly record struct Ipv6Cidr(UInt128 Network, int PrefixLength)
{
    /// <summary>Parses <c>address/n</c>. Host bits must be zero, as AWS requires for VPC, subnet and route blocks.</summary>
    public static bool TryParse(string? text, out Ipv6Cidr cidr)
    {
        cidr = default;
        if (text is null) return false;
        var slash = text.IndexOf('/');
        if (slash < 0 || !TryParseAddress(text[..slash], out var address)) return false;
        var lengthText = text[(slash + 1)..];
        if (lengthText.Length is 0 or > 3 || !lengthText.All(char.IsAsciiDigit)) return false;
        var length = int.Parse(lengthText);
        if (length > 128) return false;
        cidr = new Ipv6Cidr(address, length);
        return (address & ~cidr.Mask) == 0;
    }

    /// <summary>Parses an IPv6 address in any of its text forms; no zone index, no IPv4 dotted quad alone.</summary>
    public static bool TryParseAddress(string text, out UInt128 address)
    {
        address = 0;
        if (text.Contains('%') || !text.Contains(':') || !IPAddress.TryParse(text, out var parsed) ||
            parsed.AddressFamily != AddressFamily.InterNetworkV6) return false;
        address = ToNumber(parsed);
        return true;
    }

    public static UInt128 ToNumber(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <summary>The address in its canonical text (RFC 5952: lowercase, longest zero run compressed), as AWS shows it.</summary>
    public static string FormatAddress(UInt128 address)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, address);
        return new IPAddress(bytes).ToString();
    }

    public UInt128 Mask => PrefixLength == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - PrefixLength);

    public UInt128 Last => Network | ~Mask;

    public bool Contains(Ipv6Cidr other) => other.PrefixLength >= PrefixLength && (other.Network & Mask) == Network;

    public bool Contains(UInt128 address) => (address & Mask) == Network;

    public bool Overlaps(Ipv6Cidr other) => Contains(other) || other.Contains(this);

    /// <summary>The <paramref name="index"/>th block of <paramref name="prefixLength"/> inside this one (a VPC's /56 holds 256 /64s).</summary>
    public Ipv6Cidr Child(int prefixLength, UInt128 index) => new(Network | (index << (128 - prefixLength)), prefixLength);

    public override string ToString() => $"{FormatAddress(Network)}/{PrefixLength}";
}
