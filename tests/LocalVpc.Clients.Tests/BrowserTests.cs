using System.Net;
using System.Text;

namespace LocalVpc.Clients.Tests;

/// <summary>
/// What a web page in the user's browser could send, as plain HTTP: a cross-site form, an unsigned GET, a renamed Host
/// (DNS rebinding). Each is refused and changes nothing; AWS clients are not affected.
/// </summary>
public sealed class BrowserTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly string _account = ServerFixture.NewAccount();

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string pathAndQuery, string? body = null,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, fixture.Server.Url + pathAndQuery);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        foreach (var (name, value) in headers)
            if (name == "Host") request.Headers.Host = value;
            else request.Headers.TryAddWithoutValidation(name, value);
        using var response = await RawEc2.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<int> VpcCountAsync() => (await Sdk.Ec2(fixture.Server, _account).DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs.Count;

    [Fact]
    public async Task ACrossSiteFormPost_AnUnsignedGet_AndAFormThatFakesAPresignature_CreateNothing()
    {
        var before = await VpcCountAsync();
        var create = $"Action=CreateVpc&Version=2016-11-15&CidrBlock=10.9.0.0%2F16";

        var form = await SendAsync(HttpMethod.Post, "/", create, ("Origin", "http://evil.example"),
            ("Authorization", $"AWS4-HMAC-SHA256 Credential={_account}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00"));
        var unsigned = await SendAsync(HttpMethod.Get, $"/?{create}");
        var fakedInBody = await SendAsync(HttpMethod.Post, "/",
            $"{create}&X-Amz-Credential={_account}%2F20260101%2Fus-east-1%2Fec2%2Faws4_request&X-Amz-SignedHeaders=host&X-Amz-Signature=00");
        var crossSiteGet = await SendAsync(HttpMethod.Get, $"/?{create}&X-Amz-Credential={_account}%2F20260101%2Fus-east-1%2Fec2%2Faws4_request" +
            "&X-Amz-SignedHeaders=host&X-Amz-Signature=00", null, ("Sec-Fetch-Site", "cross-site"));

        Assert.Equal((HttpStatusCode.Forbidden, "UnauthorizedOperation"), (form.Status, new RawEc2.Reply(form.Status, form.Body).ErrorCode));
        Assert.Equal((HttpStatusCode.Forbidden, "MissingAuthenticationToken"), (unsigned.Status, new RawEc2.Reply(unsigned.Status, unsigned.Body).ErrorCode));
        Assert.Equal("MissingAuthenticationToken", new RawEc2.Reply(fakedInBody.Status, fakedInBody.Body).ErrorCode);
        Assert.Equal("UnauthorizedOperation", new RawEc2.Reply(crossSiteGet.Status, crossSiteGet.Body).ErrorCode);
        Assert.Equal(before, await VpcCountAsync());
    }

    [Fact]
    public async Task LocalVpcsOwnEndpoints_RefuseARenamedHost_AndAnotherSitesOrigin_ButServeTheirOwn()
    {
        var vpc = (await Sdk.Ec2(fixture.Server, _account).CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;

        var rebound = await SendAsync(HttpMethod.Get, "/_localvpc/status", null, ("Host", $"evil.example:{fixture.Server.Port}"));
        var reset = await SendAsync(HttpMethod.Post, "/_localvpc/reset", null, ("Origin", "http://evil.example"));
        var sameOrigin = await SendAsync(HttpMethod.Get, "/_localvpc/health", null, ("Origin", fixture.Server.Url), ("Host", $"localhost:{fixture.Server.Port}"));

        Assert.Equal(HttpStatusCode.Forbidden, rebound.Status);
        Assert.Contains("evil.example", rebound.Body);
        Assert.DoesNotContain(_account, rebound.Body);
        Assert.Equal(HttpStatusCode.Forbidden, reset.Status);
        Assert.Single((await Sdk.Ec2(fixture.Server, _account).DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc] })).Vpcs); // not reset
        Assert.Equal(HttpStatusCode.Forbidden, sameOrigin.Status); // localhost is not the origin 127.0.0.1 names
        var own = await SendAsync(HttpMethod.Get, "/_localvpc/health", null, ("Origin", fixture.Server.Url));
        Assert.Equal(HttpStatusCode.OK, own.Status);
    }

    [Fact]
    public async Task AnAllowedHostName_IsServed()
    {
        await using var server = await LocalVpcServer.StartAsync(null, null, "--allow-host", "localvpc.test");
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Url + "/_localvpc/health");
        request.Headers.Host = $"localvpc.test:{server.Port}";
        using var allowed = await RawEc2.Http.SendAsync(request);
        using var other = new HttpRequestMessage(HttpMethod.Get, server.Url + "/_localvpc/health");
        other.Headers.Host = $"other.test:{server.Port}";
        using var refused = await RawEc2.Http.SendAsync(other);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
