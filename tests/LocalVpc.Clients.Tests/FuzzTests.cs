using System.Text;
using System.Xml;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using LocalVpc.Ec2Api;
using LocalVpc.Ec2Api.Model;
using Xunit.Abstractions;

namespace LocalVpc.Clients.Tests;

/// <summary>
/// Property: whatever parameters reach whichever served action (EC2 and Elastic Load Balancing, shaped by their models and
/// then bent: hostile strings, numbers out of range, lists too long, names the model lacks, bytes that are not UTF-8), the
/// answer is well-formed XML with a 2xx or a 4xx, never a 5xx, and an account nobody sent anything for stays as it was.
/// </summary>
public sealed class FuzzTests(OwnServerFixture fixture, ITestOutputHelper output) : IClassFixture<OwnServerFixture>
{
    /// <summary>One request: the API (its Version and signing service), the action and its parameters in wire form.</summary>
    public sealed record FuzzRequest(string Version, string Service, string Action, IReadOnlyList<KeyValuePair<string, string>> Parameters)
    {
        public string Body => string.Join('&', new[] { KeyValuePair.Create("Action", Action), KeyValuePair.Create("Version", Version) }
            .Concat(Parameters).Select(p => $"{Escape(p.Key)}={Escape(p.Value)}"));

        // A value starting with "%raw:" goes as it is: percent-escapes of bytes that are no UTF-8 at all.
        private static string Escape(string value) => value.StartsWith("%raw:", StringComparison.Ordinal) ? value[5..] : Uri.EscapeDataString(value);

        public override string ToString() => $"{Service} {Body}";
    }

    private static readonly string[] HostileStrings =
    [
        "", " ", "vpc-12345678", "vpc-0123456789abcdef0", "subnet-0123456789abcdef0", "sg-0123456789abcdef0", "i-0123456789abcdef0",
        "eni-0123456789abcdef0", "rtb-1", "vpce-svc-0123456789abcdef0", "10.0.0.0/16", "10.0.0.0/33", "300.1.1.1/16", "10.0.0.1",
        "0.0.0.0/0", "::/0", "2600:1f18::/56", "2600:1f18::/129", "fe80::1%eth0", "us-east-1a", "use1-az1", "tcp", "-1", "*", "true",
        "2147483648", "-2147483649", "\u0001", "a\u0000b", "\u001f\u007f", "é€𝄞", "<x>&amp;</x>", "]]>", "'\"", "%", "%raw:%FF%FE%C3",
        new string('x', 256), new string('y', 70_000), "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/net/x/1",
        "com.amazonaws.us-east-1.s3", "{\"Version\":\"2012-10-17\"}", "{not json",
    ];

    private static readonly string[] HostileNumbers = ["0", "1", "5", "-1", "1000", "2147483647", "2147483648", "-2147483649", "1.5", "abc", "", "1e3", "0x10"];

    private static Gen<string> Value(ModelShape shape) => shape.Type switch
    {
        "string" when shape.Enum is { Length: > 0 } values => Gen.Frequency((3, Gen.Elements(values)), (1, Gen.Elements(HostileStrings))),
        "string" => Gen.Frequency((4, Gen.Elements(HostileStrings)), (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""))),
        "integer" or "long" or "double" or "float" => Gen.Elements(HostileNumbers),
        "boolean" => Gen.Elements("true", "false", "TRUE", "1", "yes", ""),
        "timestamp" => Gen.Elements("2026-01-01T00:00:00Z", "2026-13-45T99:00:00Z", "1700000000", "yesterday", ""),
        _ => Gen.Elements(HostileStrings),
    };

    /// <summary>Parameters for a shape under the API's protocol, some members left out, nesting bounded.</summary>
    private static Gen<List<KeyValuePair<string, string>>> Members(ServiceModel model, ModelShape shape, string prefix, int depth)
    {
        var none = Gen.Constant(new List<KeyValuePair<string, string>>());
        if (depth > 3 || shape.Members.Count == 0) return none;
        var parts = shape.Members.Select(m => Gen.Frequency((2, none), (1, Member(model, prefix + Wire(model, m.Key, m.Value), model.Shape(m.Value.Shape), depth))));
        return Gen.CollectToArray(parts).Select(lists => lists.SelectMany(l => l).ToList());
    }

    private static string Wire(ServiceModel model, string name, ModelMember member) => model.IsEc2Protocol ? member.WireName(name) : member.QueryWireName(name);

    private static Gen<List<KeyValuePair<string, string>>> Member(ServiceModel model, string name, ModelShape shape, int depth) => shape.Type switch
    {
        "structure" => Members(model, shape, name + ".", depth + 1),
        "list" => Gen.Choose(0, 3).SelectMany(count => Gen.CollectToArray(Enumerable.Range(1, count).Select(i =>
                Member(model, model.IsEc2Protocol || shape.Flattened ? $"{name}.{i}" : $"{name}.member.{i}", model.Shape(shape.Member!.Shape), depth + 1)))
            .Select(lists => lists.SelectMany(l => l).ToList())),
        "map" => Gen.Constant(new List<KeyValuePair<string, string>>()),
        _ => Value(shape).Select(v => new List<KeyValuePair<string, string>> { KeyValuePair.Create(name, v) }),
    };

    private static readonly (QueryApi Api, string Service)[] Apis = [(QueryApi.Ec2, "ec2"), (QueryApi.Elbv2, "elasticloadbalancing")];

    private static Gen<FuzzRequest> Requests() =>
        from api in Gen.Elements(Apis)
        from action in Gen.Elements(api.Api.Handlers.Keys.Order(StringComparer.Ordinal).ToArray())
        from parameters in Members(api.Api.Model, api.Api.Model.Shape(api.Api.Model.Operations[action].Input!), "", 0)
        // Now and then a name the model lacks, hostile names among them, or an action name bent out of shape.
        from extra in Gen.Frequency((6, Gen.Constant(new List<KeyValuePair<string, string>>())),
            (1, from name in Gen.Elements(["NoSuchParameter.1", .. HostileStrings.Where(h => h.Length is > 0 and < 100)])
                from value in Gen.Elements(HostileStrings)
                select new List<KeyValuePair<string, string>> { KeyValuePair.Create(name, value) }))
        from sentAction in Gen.Frequency((19, Gen.Constant(action)),
            (1, Gen.Elements(action + "\u0001", action.ToLowerInvariant(), "", "Foo\u0000", "%raw:%FF" + action)))
        select new FuzzRequest(api.Api.Model.ApiVersion, api.Service, sentAction, [.. parameters, .. extra]);

    [Fact]
    public async Task EveryServedAction_AnswersWellFormedXmlWith2xxOr4xx_AndLeavesOtherAccountsAlone()
    {
        // A witness account with a little of everything, read back the same way before and after.
        var witness = ServerFixture.NewAccount();
        var ec2 = Sdk.Ec2(fixture.Server, witness);
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.70.0.0/16" })).Vpc.VpcId;
        var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.70.1.0/24" })).Subnet.SubnetId;
        var group = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = "witness", Description = "w" })).GroupId;
        await ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet, Groups = [group] });
        var before = await WitnessAsync(witness);

        var fuzzer = ServerFixture.NewAccount();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var (sent, byClass) = (0, new SortedDictionary<string, int>(StringComparer.Ordinal));
        var property = Prop.ForAll(Requests().ToArbitrary(), request =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, fixture.Server.Url)
            {
                Content = new StringContent(request.Body, Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            message.Headers.TryAddWithoutValidation("Authorization",
                $"AWS4-HMAC-SHA256 Credential={fuzzer}/20261130/us-east-1/{request.Service}/aws4_request, SignedHeaders=host, Signature=00");
            using var response = http.Send(message);
            var status = (int)response.StatusCode;
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            sent++;
            var statusClass = $"{status / 100}xx";
            byClass[statusClass] = byClass.GetValueOrDefault(statusClass) + 1;
            if (status is not (>= 200 and < 300 or >= 400 and < 500)) throw new Xunit.Sdk.XunitException($"HTTP {status} for {request}:\n{body}");
            XDocument document;
            try
            {
                document = XDocument.Parse(body);
            }
            catch (XmlException e)
            {
                throw new Xunit.Sdk.XunitException($"not XML ({e.Message}) for {request}:\n{body}");
            }
            if (status >= 400 && !document.Descendants().Any(d => d.Name.LocalName == "Code"))
                throw new Xunit.Sdk.XunitException($"an error without a Code for {request}:\n{body}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000).WithEndSize(50), property);

        output.WriteLine($"{sent} requests: {string.Join(", ", byClass.Select(c => $"{c.Value} {c.Key}"))}; no 5xx, every body well-formed XML");
        Assert.Equal(before, await WitnessAsync(witness));
    }

    /// <summary>The witness account as its Describe calls show it, request ids left out.</summary>
    private async Task<string> WitnessAsync(string account)
    {
        var text = new StringBuilder();
        foreach (var action in new[] { "DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups", "DescribeNetworkInterfaces", "DescribeRouteTables",
                     "DescribeNetworkAcls", "DescribeInstances", "DescribeVpcEndpoints", "DescribeAddresses", "DescribeInternetGateways" })
        {
            var reply = await RawEc2.PostAsync(fixture.Server, account, ("Action", action), ("Version", "2016-11-15"));
            text.AppendLine(System.Text.RegularExpressions.Regex.Replace(reply.Body, "<requestId>[^<]*</requestId>", ""));
        }
        return text.ToString();
    }
}
