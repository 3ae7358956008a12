using System.Net;

namespace LocalVpc.Core.Cidr;

/// <summary>An IPv4 network in canonical form (no host bits set), e.g. 10.0.1.0/24.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Ipv4CidrJsonConverter))]
public readonly record struct Ipv4Cidr(uint Network, int PrefixLength)
{
    /// <summary>Parses <c>a.b.c.d/n</c>. Host bits must be zero, as AWS requires for VPC and subnet blocks.</summary>
    public static bool TryParse(string? text, out Ipv4Cidr cidr)
    {
        cidr = default;
        if (text is null) return false;
        var slash = text.IndexOf('/');
        if (slash < 0 || !TryParseAddress(text[..slash], out var address)) return false;
        var lengthText = text[(slash + 1)..];
        if (lengthText.Length is 0 or > 2 || !lengthText.All(char.IsAsciiDigit)) return false;
        var length = int.Parse(lengthText);
        if (length > 32) return false;
        cidr = new Ipv4Cidr(address, length);
        return (address & ~cidr.Mask) == 0;
    }

    /// <summary>Parses a dotted quad strictly: four decimal parts, no leading zeros.</summary>
    public static bool TryParseAddress(string text, out uint address)
    {
        address = 0;
        var parts = text.Split('.');
        if (parts.Length != 4) return false;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0')) return false;
            var value = int.Parse(part);
            if (value > 255) return false;
            address = (address << 8) | (uint)value;
        }
        return true;
    }

    public static string FormatAddress(uint address) => new IPAddress(
        [(byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address]).ToString();

    public uint Mask => PrefixLength == 0 ? 0 : uint.MaxValue << (32 - PrefixLength);

    public uint Last => Network | ~Mask;

    public ulong Size => 1UL << (32 - PrefixLength);

    public bool Contains(Ipv4Cidr other) => other.PrefixLength >= PrefixLength && (other.Network & Mask) == Network;

    public bool Contains(uint address) => (address & Mask) == Network;

    public bool Overlaps(Ipv4Cidr other) => Contains(other) || other.Contains(this);

    public override string ToString() => $"{FormatAddress(Network)}/{PrefixLength}";
}
