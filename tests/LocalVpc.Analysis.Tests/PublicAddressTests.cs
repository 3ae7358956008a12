using System.Net;

namespace LocalVpc.Analysis.Tests;

/// <summary>The internet path leads only to public addresses (IANA special-purpose registry, RFC 6890).</summary>
public sealed class PublicAddressTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("10.0.1.5")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("198.18.0.5")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void SpecialPurposeAddresses_AreNotPublic(string address) => Assert.False(PublicAddress.Is(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("52.94.133.131")]
    [InlineData("2600:1f18::1")]
    public void InternetAddresses_ArePublic(string address) => Assert.True(PublicAddress.Is(IPAddress.Parse(address)));
}
