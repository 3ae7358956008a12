using System.Security.Cryptography;

namespace LocalVpc.Ec2Api.Protocol;

/// <summary>
/// Random bytes from the system's cryptographic generator, drawn a block at a time, a block per thread. Each call into
/// the generator costs about 2 µs here (OpenSSL, which also asks the kernel for the process id; <see cref="Guid.NewGuid"/>
/// reads <c>/dev/urandom</c>), and a request draws several: its id, and a create's resource ids and tokens.
/// </summary>
public static class RandomBytes
{
    [ThreadStatic] private static byte[]? t_block;
    [ThreadStatic] private static int t_next;

    public static void Fill(Span<byte> bytes)
    {
        var block = t_block ??= new byte[1024];
        if (bytes.Length > block.Length)
        {
            RandomNumberGenerator.Fill(bytes);
            return;
        }
        // A new thread's block is all zeros with t_next at 0: filled on first use like a spent one.
        if (t_next == 0 || t_next + bytes.Length > block.Length)
        {
            RandomNumberGenerator.Fill(block);
            t_next = 0;
        }
        block.AsSpan(t_next, bytes.Length).CopyTo(bytes);
        t_next += bytes.Length;
    }
}
