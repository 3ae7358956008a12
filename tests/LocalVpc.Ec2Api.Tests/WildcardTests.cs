using LocalVpc.Ec2Api.Filters;

namespace LocalVpc.Ec2Api.Tests;

public sealed class WildcardTests
{
    [Theory]
    [InlineData("web", "web", true)]
    [InlineData("web", "Web", false)]
    [InlineData("w*", "web", true)]
    [InlineData("*b", "web", true)]
    [InlineData("w?b", "web", true)]
    [InlineData("w?b", "wb", false)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData(@"a\*", "a*", true)]
    [InlineData(@"a\*", "ab", false)]
    public void IsMatch_FollowsEc2FilterWildcards(string pattern, string value, bool match) =>
        Assert.Equal(match, Wildcard.IsMatch(pattern, value));
}
