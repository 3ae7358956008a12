using System.Xml.Linq;
using System.Net;
using System.Text;

namespace LocalVpc.Clients.Tests;

/// <summary>Requests no SDK sends: each gets an EC2 XML error with a 4xx status, and the server keeps serving.</summary>
public sealed class MalformedRequestTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly string _account = ServerFixture.NewAccount();

    public static TheoryData<string, string> Bodies => new()
    {
        { "", "MissingAction" },
        { "Version=2016-11-15", "MissingAction" },
        { "Action=LaunchRockets&Version=2016-11-15", "InvalidAction" },
        { "Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0/16&Bogus=1", "UnknownParameter" },
        { "Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0/16&TagSpecification.x.ResourceType=vpc", "UnknownParameter" },
        { "Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0/16&TagSpecification.0.ResourceType=vpc", "UnknownParameter" },
        { "Action=CreateVpc&Version=2016-11-15&CidrBlock.1=10.0.0.0/16", "UnknownParameter" },
        { "Action=CreateVpc&Version=2016-11-15", "MissingParameter" },
        { "Action=DeleteVpc&Version=2016-11-15", "MissingParameter" },
        { "Action=CreateVpc&Version=2016-11-15&CidrBlock=%FF%FE%00", "InvalidParameterValue" },
        { "Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0/16&DryRun=maybe", "InvalidParameterValue" },
        { "Action=DescribeVpcs&Version=2016-11-15&MaxResults=abc", "InvalidParameterValue" },
        { "Action=DescribeVpcs&Version=2016-11-15&MaxResults=99999999999999999999", "InvalidParameterValue" },
        { "Action=DescribeVpcs&Version=2016-11-15&MaxResults=-5", "InvalidParameterValue" },
        { "Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=vpc-id&Filter.1.Value.1.Extra=x", "UnknownParameter" },
        { "Action=DescribeVpcs&Version=2016-11-15&Filter.1.Value.1=x", "InvalidParameterValue" },
        { "Action=DescribeVpcAttribute&Version=2016-11-15&VpcId=vpc-0123456789abcdef0&Attribute=colour", "InvalidParameterValue" },
        { "Action=CreateSubnet&Version=2016-11-15&VpcId=" + new string('v', 100_000) + "&CidrBlock=10.0.0.0/24", "InvalidVpcID.Malformed" },
        { "Action=CreateTags&Version=2016-11-15&ResourceId.1=vpc-0123456789abcdef0&Tag.1.Key=" + new string('k', 200), "InvalidVpcID.NotFound" },
        { "Action=AuthorizeSecurityGroupIngress&Version=2016-11-15&GroupId=sg-0123456789abcdef0&IpPermissions.1.FromPort=2147483648", "InvalidParameterValue" },
        { "Action=Create%ZZVpc&Version=2016-11-15", "InvalidAction" },
        { "Action=CreateTags&Version=2016-11-15&ResourceId.1=vpc-0123456789abcdef0&Tag.1.Key=k&Tag.1.Value=%01bell", "InvalidParameterValue" },
        // Characters XML 1.0 forbids, echoed in the message: the reply must still parse (Reply.Xml parses it).
        { "Action=DescribeVpcs&Version=2016-11-15&%01=x", "UnknownParameter" },
        { "Action=Foo%01&Version=2016-11-15", "InvalidAction" },
        // A page size below one, where the model sets no bounds.
        { "Action=DescribePrefixLists&Version=2016-11-15&MaxResults=0", "InvalidParameterValue" },
        { "Action=DescribeVpcEndpointConnectionNotifications&Version=2016-11-15&MaxResults=-1", "InvalidParameterValue" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task MalformedBody_GetsXmlErrorWith4xx_AndServerKeepsServing(string body, string code)
    {
        var reply = await RawEc2.SendAsync(fixture.Server, _account,
            new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.True((int)reply.Status is >= 400 and < 500, $"{reply.Status}: {reply.Body}");
        Assert.Equal(code, reply.ErrorCode);
        Assert.NotNull(reply.Xml.Root!.Element("RequestID"));

        var health = await RawEc2.Http.GetAsync(fixture.Server.Url + "/_localvpc/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task FailedRequests_ChangeNothing()
    {
        foreach (var (body, _) in Bodies.Select(row => ((string)row[0], (string)row[1])))
            await RawEc2.SendAsync(fixture.Server, _account, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
        var vpcs = (await Sdk.Ec2(fixture.Server, _account).DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs;
        Assert.True(Assert.Single(vpcs).IsDefault);
    }

    [Fact]
    public async Task GetWithQueryString_IsServedLikePost()
    {
        // A presigned GET: the signature's parts in the query string.
        var reply = await RawEc2.Http.GetAsync($"{fixture.Server.Url}/?Action=DescribeAvailabilityZones&Version=2016-11-15&ZoneName.1=us-east-1b" +
            $"&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={_account}%2F20260101%2Fus-east-1%2Fec2%2Faws4_request&X-Amz-SignedHeaders=host&X-Amz-Signature=00");
        var body = await reply.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Contains("<zoneName>us-east-1b</zoneName>", body);
        Assert.DoesNotContain("us-east-1a", body);
    }

    [Fact]
    public async Task AnAuthorizationHeaderThatRepeatsAField_GetsIncompleteSignature_NotA500()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Server.Url)
        {
            Content = new StringContent("Action=DescribeVpcs&Version=2016-11-15", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=x, Credential=y");
        using var response = await RawEc2.Http.SendAsync(request);
        var reply = new RawEc2.Reply(response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.BadRequest, "IncompleteSignature"), (reply.Status, reply.ErrorCode));
    }

    [Fact]
    public async Task TheLargestPageSize_ListsEverything()
    {
        var all = await RawEc2.PostAsync(fixture.Server, _account, ("Action", "DescribePrefixLists"), ("Version", "2016-11-15"));
        var largest = await RawEc2.PostAsync(fixture.Server, _account, ("Action", "DescribePrefixLists"), ("Version", "2016-11-15"),
            ("MaxResults", int.MaxValue.ToString()));
        XNamespace ns = "http://ec2.amazonaws.com/doc/2016-11-15/";
        Assert.NotEmpty(all.Xml.Descendants(ns + "prefixListId"));
        Assert.Equal(all.Xml.Descendants(ns + "prefixListId").Select(e => e.Value), largest.Xml.Descendants(ns + "prefixListId").Select(e => e.Value));
    }

    [Fact]
    public async Task TooManyFormFields_GetsAnXmlError()
    {
        var body = "Action=DescribeVpcs&Version=2016-11-15&" + string.Join('&', Enumerable.Range(1, 5000).Select(i => $"VpcId.{i}=vpc-{i:x17}"));
        var reply = await RawEc2.SendAsync(fixture.Server, _account, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.True((int)reply.Status is >= 400 and < 500, $"{reply.Status}: {reply.Body}");
        Assert.NotNull(reply.ErrorCode);
    }
}
