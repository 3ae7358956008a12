using LocalVpc.Core.Ids;
using LocalVpc.Ec2Api.Protocol;

namespace LocalVpc;

/// <summary>Ids like AWS's: 17 random lowercase hex digits after the prefix, from <see cref="RandomBytes"/>.</summary>
internal sealed class RandomIdSource : IIdSource
{
    private const string TokenAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    /// <summary>Bytes at or above this are drawn again, so that every letter of a token is equally likely.</summary>
    private const int TokenByteLimit = 256 / 36 * 36;

    public string Next(string prefix)
    {
        Span<byte> bytes = stackalloc byte[9];
        RandomBytes.Fill(bytes);
        Span<char> digits = stackalloc char[18];
        Convert.TryToHexStringLower(bytes, digits, out _);
        return string.Concat(prefix, "-", digits[..17]);
    }

    public string NextToken(int length) => string.Create(length, 0, static (token, _) =>
    {
        Span<byte> letter = stackalloc byte[1];
        for (var i = 0; i < token.Length; i++)
        {
            do RandomBytes.Fill(letter);
            while (letter[0] >= TokenByteLimit);
            token[i] = TokenAlphabet[letter[0] % TokenAlphabet.Length];
        }
    });
}
