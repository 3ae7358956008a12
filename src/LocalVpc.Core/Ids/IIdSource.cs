namespace LocalVpc.Core.Ids;

/// <summary>Makes new resource identifiers. Core never invents ids itself, so tests can pass a deterministic source.</summary>
public interface IIdSource
{
    /// <summary>A new id: the prefix, a dash and 17 lowercase hex digits, e.g. <c>vpc-0a1b2c3d4e5f67890</c>.</summary>
    string Next(string prefix);

    /// <summary>A new token of <paramref name="length"/> lowercase letters and digits, such as the 8 characters in an endpoint's regional DNS name.</summary>
    string NextToken(int length);
}
