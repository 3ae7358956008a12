using System.Buffers.Text;
using System.Text;

namespace LocalVpc.Ec2Api.Filters;

/// <summary>
/// MaxResults and NextToken. Items come sorted by id; a token is the opaque form of the last id handed
/// out, so paging stays stable while resources come and go. No MaxResults means everything at once.
/// </summary>
public static class Paging
{
    private const string Version = "1:";

    public static AwsError? Page<T>(IEnumerable<T> items, Func<T, string> idOf, int? maxResults, string? nextToken,
        out List<T> page, out string? next)
    {
        page = [];
        next = null;
        var after = (string?)null;
        if (!string.IsNullOrEmpty(nextToken))
        {
            after = Decode(nextToken);
            if (after is null) return Ec2Errors.InvalidNextToken(nextToken);
        }
        var remaining = after is null ? items : items.Where(i => string.CompareOrdinal(idOf(i), after) > 0);
        if (maxResults is not { } max)
        {
            page = remaining.ToList();
            return null;
        }
        if (max < 1) return Ec2Errors.InvalidParameterValueRange("MaxResults", max.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, int.MaxValue);
        // One more than a page tells whether another follows; int.MaxValue must not wrap around.
        page = remaining.Take(max == int.MaxValue ? max : max + 1).ToList();
        if (page.Count > max)
        {
            page.RemoveAt(max);
            next = Encode(idOf(page[^1]));
        }
        return null;
    }

    /// <summary>Checks MaxResults where the model gives no bounds but AWS has them.</summary>
    public static AwsError? CheckMaxResults(int? maxResults, int min, int max) =>
        maxResults is { } m && (m < min || m > max)
            ? Ec2Errors.InvalidParameterValueRange("MaxResults", m.ToString(), min, max)
            : null;

    private static string Encode(string id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Version + id));

    private static string? Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return text.StartsWith(Version, StringComparison.Ordinal) ? text[Version.Length..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
