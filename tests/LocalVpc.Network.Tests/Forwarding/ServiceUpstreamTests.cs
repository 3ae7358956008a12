using LocalVpc.Network.Forwarding;

namespace LocalVpc.Network.Tests.Forwarding;

public sealed class ServiceUpstreamTests
{
    [Theory]
    [InlineData("kms=http://127.0.0.1:5000", "kms", "http", "127.0.0.1", 5000)]
    [InlineData("STS=tcp://localhost:9000", "sts", "tcp", "localhost", 9000)]
    [InlineData("s3=https://127.0.0.1", "s3", "https", "127.0.0.1", 443)]
    public void TryParse_NameEqualsUrl_GivesTheUpstream(string text, string service, string scheme, string host, int port)
    {
        Assert.True(ServiceUpstream.TryParse(text, out var upstream, out var error), error);
        Assert.Equal(new ServiceUpstream(service, scheme, host, port), upstream);
    }

    [Theory]
    [InlineData("kms")]
    [InlineData("=http://127.0.0.1:5000")]
    [InlineData("kms=ftp://127.0.0.1:21")]
    [InlineData("kms=tcp://127.0.0.1")]
    [InlineData("k ms=http://127.0.0.1:5000")]
    public void TryParse_Malformed_SaysWhy(string text)
    {
        Assert.False(ServiceUpstream.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
