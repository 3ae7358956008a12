namespace LocalVpc.Ec2Api.Filters;

/// <summary>
/// EC2 filter value matching: <c>*</c> matches any run of characters, <c>?</c> exactly one, and a
/// backslash escapes either (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Filtering.html).
/// Matching is case-sensitive.
/// </summary>
public static class Wildcard
{
    public static bool IsMatch(string pattern, string value) => Match(pattern, 0, value, 0);

    private static bool Match(string p, int pi, string v, int vi)
    {
        while (pi < p.Length)
        {
            var c = p[pi];
            if (c == '*')
            {
                while (pi < p.Length && p[pi] == '*') pi++;
                if (pi == p.Length) return true;
                for (var k = vi; k <= v.Length; k++)
                    if (Match(p, pi, v, k)) return true;
                return false;
            }
            if (vi == v.Length) return false;
            if (c == '?') { pi++; vi++; continue; }
            if (c == '\\' && pi + 1 < p.Length) c = p[++pi];
            if (c != v[vi]) return false;
            pi++;
            vi++;
        }
        return vi == v.Length;
    }
}
