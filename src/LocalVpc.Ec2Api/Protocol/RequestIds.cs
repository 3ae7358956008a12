using System.Security.Cryptography;

namespace LocalVpc.Ec2Api.Protocol;

/// <summary>
/// Request ids as AWS writes them: random (version 4) UUIDs. <see cref="Guid.NewGuid"/> reads 16 bytes from
/// <c>/dev/urandom</c> for each, a system call a request; these come from the system's cryptographic generator a block
/// at a time, a block per thread.
/// </summary>
public static class RequestIds
{
    [ThreadStatic] private static byte[]? t_block;
    [ThreadStatic] private static int t_next;

    public static string Next()
    {
        var block = t_block ??= new byte[1024];
        if (t_next == 0 || t_next == block.Length)
        {
            RandomNumberGenerator.Fill(block);
            t_next = 0;
        }
        Span<byte> bytes = stackalloc byte[16];
        block.AsSpan(t_next, 16).CopyTo(bytes);
        t_next += 16;
        // RFC 9562: the version (4) in the high nibble of the 7th byte as written, the variant (10) in the top bits of the
        // 9th. Guid's constructor reads the first three fields little-endian, so the 7th byte written is bytes[7].
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40);
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes).ToString();
    }
}
