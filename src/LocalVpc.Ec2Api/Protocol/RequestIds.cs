namespace LocalVpc.Ec2Api.Protocol;

/// <summary>Request ids as AWS writes them: random (version 4) UUIDs, from <see cref="RandomBytes"/>.</summary>
public static class RequestIds
{
    public static string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomBytes.Fill(bytes);
        // RFC 9562: the version (4) in the high nibble of the 7th byte as written, the variant (10) in the top bits of the
        // 9th. Guid's constructor reads the first three fields little-endian, so the 7th byte written is bytes[7].
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40);
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes).ToString();
    }
}
