using System.Security.Cryptography;
using LocalVpc.Core.Ids;

namespace LocalVpc;

/// <summary>
/// Ids like AWS's: 17 random lowercase hex digits after the prefix. The random bytes come from the system's
/// cryptographic generator a block at a time: each call into it costs about 2 µs here (OpenSSL, which also asks the
/// kernel for the process id), and a create draws several ids and tokens: 3% of a CreateVpcEndpoint's CPU.
/// </summary>
internal sealed class RandomIdSource : IIdSource
{
    private const string TokenAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    /// <summary>Bytes at or above this are drawn again, so that every letter of a token is equally likely.</summary>
    private const int TokenByteLimit = 256 / 36 * 36;

    private readonly Lock _lock = new();
    private readonly byte[] _block = new byte[4096];
    private int _next = 4096;

    public string Next(string prefix)
    {
        Span<byte> bytes = stackalloc byte[9];
        Fill(bytes);
        Span<char> digits = stackalloc char[18];
        Convert.TryToHexStringLower(bytes, digits, out _);
        return string.Concat(prefix, "-", digits[..17]);
    }

    public string NextToken(int length) => string.Create(length, this, static (token, source) =>
    {
        Span<byte> bytes = stackalloc byte[1];
        for (var i = 0; i < token.Length; i++)
        {
            do source.Fill(bytes);
            while (bytes[0] >= TokenByteLimit);
            token[i] = TokenAlphabet[bytes[0] % TokenAlphabet.Length];
        }
    });

    private void Fill(Span<byte> bytes)
    {
        lock (_lock)
        {
            if (_next + bytes.Length > _block.Length)
            {
                RandomNumberGenerator.Fill(_block);
                _next = 0;
            }
            _block.AsSpan(_next, bytes.Length).CopyTo(bytes);
            _next += bytes.Length;
        }
    }
}
