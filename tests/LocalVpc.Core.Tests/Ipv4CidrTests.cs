using LocalVpc.Core.Cidr;

namespace LocalVpc.Core.Tests;

public sealed class Ipv4CidrTests
{
    [Theory]
    [InlineData("10.0.0.0/16", true)]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("10.0.0.1/32", true)]
    [InlineData("10.0.0.1/16", false)] // host bits set
    [InlineData("10.0.0.0/33", false)]
    [InlineData("10.0.0/16", false)]
    [InlineData("10.00.0.0/16", false)]
    [InlineData("256.0.0.0/8", false)]
    [InlineData("10.0.0.0/", false)]
    [InlineData("10.0.0.0", false)]
    [InlineData(" 10.0.0.0/16", false)]
    public void TryParse_AcceptsOnlyCanonicalBlocks(string text, bool valid) =>
        Assert.Equal(valid, Ipv4Cidr.TryParse(text, out _));

    [Fact]
    public void Containment_AndOverlap_FollowPrefixes()
    {
        Ipv4Cidr.TryParse("10.0.0.0/16", out var vpc);
        Ipv4Cidr.TryParse("10.0.1.0/24", out var subnet);
        Ipv4Cidr.TryParse("10.1.0.0/24", out var outside);
        Assert.True(vpc.Contains(subnet));
        Assert.False(subnet.Contains(vpc));
        Assert.True(subnet.Overlaps(vpc));
        Assert.False(vpc.Overlaps(outside));
        Assert.Equal(256UL, subnet.Size);
        Assert.Equal("10.0.1.0/24", subnet.ToString());
    }
}
