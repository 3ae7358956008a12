using System.Security.Cryptography;
using LocalVpc.Core.Ids;

namespace LocalVpc;

/// <summary>Ids like AWS's: 17 random lowercase hex digits after the prefix.</summary>
internal sealed class RandomIdSource : IIdSource
{
    public string Next(string prefix)
    {
        Span<byte> bytes = stackalloc byte[9];
        RandomNumberGenerator.Fill(bytes);
        return $"{prefix}-{Convert.ToHexStringLower(bytes)[..17]}";
    }

    public string NextToken(int length) => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", length);
}
