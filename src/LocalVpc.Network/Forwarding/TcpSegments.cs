using System.Buffers.Binary;

namespace LocalVpc.Network.Forwarding;

/// <summary>
/// The segments a TCP socket has sent and received, as the kernel counts them (Linux <c>TCP_INFO</c>: <c>tcpi_segs_out</c>
/// and <c>tcpi_segs_in</c>, since 4.2). Flow log records carry these as their packet counts.
/// </summary>
public readonly record struct TcpSegments(long Out, long In)
{
    public static TcpSegments operator -(TcpSegments a, TcpSegments b) => new(a.Out - b.Out, a.In - b.In);

    private const int TcpInfo = 11, SegsOutOffset = 136, SegsInOffset = 140;

    /// <summary>The socket's counts; zero where the kernel does not say (another OS, a closed socket).</summary>
    public static TcpSegments Of(Socket socket)
    {
        if (!OperatingSystem.IsLinux()) return default;
        Span<byte> info = stackalloc byte[256];
        try
        {
            var length = socket.GetRawSocketOption((int)SocketOptionLevel.Tcp, TcpInfo, info);
            return length < SegsInOffset + 4 ? default
                : new TcpSegments(BinaryPrimitives.ReadUInt32LittleEndian(info[SegsOutOffset..]), BinaryPrimitives.ReadUInt32LittleEndian(info[SegsInOffset..]));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return default;
        }
    }
}
