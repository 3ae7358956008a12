using System.Diagnostics;
using System.Xml.Linq;
using Amazon.Runtime;

namespace LocalVpc.Clients.Tests;

/// <summary>
/// A server started with <c>--auth sigv4 --credentials FILE</c>: the SDK, the CLI and presigned URLs signed with the file's keys
/// act as their accounts; every tampered part of a request the SDK's own signer signed is refused with AWS's error, and
/// changes nothing.
/// </summary>
public sealed class SignatureTests(SignatureTests.SigV4Server fixture) : IClassFixture<SignatureTests.SigV4Server>
{
    private const string AliceKey = "AKIAALICE00000000001", AliceSecret = "alice/Secret+Key", BobKey = "AKIABOB000000000001", BobSecret = "bob-secret";

    /// <summary>A server of its own that verifies signatures against a credentials file of two keys and two accounts.</summary>
    public sealed class SigV4Server : IAsyncLifetime
    {
        public string Alice { get; } = ServerFixture.NewAccount();
        public string Bob { get; } = ServerFixture.NewAccount();
        public string CredentialsFile { get; } = Path.Combine(Directory.CreateTempSubdirectory("localvpc-credentials-").FullName, "credentials");
        public LocalVpcServer Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await File.WriteAllTextAsync(CredentialsFile,
                $"[alice]\naws_access_key_id = {AliceKey}\naws_secret_access_key = {AliceSecret}\naccount_id = {Alice}\n\n" +
                $"[bob]\naws_access_key_id = {BobKey}\naws_secret_access_key = {BobSecret}\naws_account_id = {Bob}\n");
            Server = await LocalVpcServer.StartAsync(null, null, "--auth", "sigv4", "--credentials", CredentialsFile);
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    private string Url => fixture.Server.Url;

    private AmazonEC2Client Client(string key, string secret) =>
        new(new BasicAWSCredentials(key, secret), new AmazonEC2Config { ServiceURL = Url, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    private static readonly Dictionary<string, string> DescribeVpcs = new() { ["Action"] = "DescribeVpcs", ["Version"] = "2016-11-15" };

    private SdkSignedRequest Signed(DateTime? at = null, string key = AliceKey, string secret = AliceSecret, IReadOnlyDictionary<string, string>? parameters = null) =>
        SdkSignedRequest.Sign(Url, parameters ?? DescribeVpcs, key, secret, at ?? DateTime.UtcNow);

    private static string Code(string body) => XDocument.Parse(body).Descendants("Code").Single().Value;

    [Fact]
    public async Task TheSdkAndTheCli_SigningWithTheFilesKeys_ActAsTheKeysAccounts()
    {
        var vpc = (await Client(AliceKey, AliceSecret).CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.61.0.0/16" })).Vpc;
        Assert.Equal(fixture.Alice, vpc.OwnerId);

        // The CLI reads the very file the server was given, profile by profile.
        async Task<AwsCli.Result> Cli(string profile)
        {
            var info = new ProcessStartInfo("aws");
            foreach (var arg in new[] { "--endpoint-url", Url, "--profile", profile, "--region", "us-east-1", "--output", "json", "ec2", "describe-vpcs" })
                info.ArgumentList.Add(arg);
            info.Environment["AWS_SHARED_CREDENTIALS_FILE"] = fixture.CredentialsFile;
            info.Environment["AWS_CONFIG_FILE"] = "/dev/null";
            info.Environment["AWS_MAX_ATTEMPTS"] = "1";
            var run = await ChildProcess.RunAsync(info, "These tests drive the AWS CLI: install it (pip install awscli) or run .ci/run.");
            return new AwsCli.Result(run.ExitCode, run.Stdout, run.Stderr);
        }
        var alice = await Cli("alice");
        Assert.True(alice.ExitCode == 0, alice.Stderr);
        Assert.Contains(vpc.VpcId, alice.Stdout);
        var bob = await Cli("bob");
        Assert.True(bob.ExitCode == 0, bob.Stderr);
        Assert.DoesNotContain(vpc.VpcId, bob.Stdout);
        Assert.All(bob.Json.GetProperty("Vpcs").EnumerateArray(), v => Assert.Equal(fixture.Bob, v.GetProperty("OwnerId").GetString()));
    }

    [Fact]
    public async Task AWrongSecret_OrAnUnknownKey_IsRefused()
    {
        var wrong = await Assert.ThrowsAsync<AmazonEC2Exception>(() => Client(AliceKey, "not-alices").DescribeVpcsAsync(new DescribeVpcsRequest()));
        Assert.Equal(("SignatureDoesNotMatch", 403), (wrong.ErrorCode, (int)wrong.StatusCode));
        // The access key ids LocalVpc takes without a file in --auth any mode are unknown here.
        var unknown = await Assert.ThrowsAsync<AmazonEC2Exception>(() => Client("test", "test").DescribeVpcsAsync(new DescribeVpcsRequest()));
        Assert.Equal(("AuthFailure", 401), (unknown.ErrorCode, (int)unknown.StatusCode));
    }

    /// <summary>Each tamper takes a request the SDK signed for now and changes one part of it.</summary>
    public static TheoryData<string, int, string> Tampers => new()
    {
        { "as signed", 200, "" },
        { "signed ten minutes ago (within AWS's 15 of skew)", 200, "" },
        { "body swapped for a CreateVpc", 403, "SignatureDoesNotMatch" },
        { "a parameter added to the body", 403, "SignatureDoesNotMatch" },
        { "one hex digit of the signature changed", 403, "SignatureDoesNotMatch" },
        { "Signature=0", 403, "SignatureDoesNotMatch" },
        { "X-Amz-Date moved by a second", 403, "SignatureDoesNotMatch" },
        { "scope's region changed", 403, "SignatureDoesNotMatch" },
        { "scope's date not the request's day", 403, "SignatureDoesNotMatch" },
        { "Host header changed", 403, "SignatureDoesNotMatch" },
        { "signed in 2001", 400, "RequestExpired" },
        { "signed twenty minutes ahead", 400, "RequestExpired" },
        { "access key of no profile", 401, "AuthFailure" },
        { "host left out of SignedHeaders", 400, "IncompleteSignature" },
        { "no Signature component", 400, "IncompleteSignature" },
        { "Credential given twice", 400, "IncompleteSignature" },
        { "no X-Amz-Date", 400, "IncompleteSignature" },
        { "another scheme (AWS v2)", 400, "IncompleteSignature" },
        { "no Authorization", 403, "MissingAuthenticationToken" },
    };

    [Theory]
    [MemberData(nameof(Tampers))]
    public async Task ATamperedPart_IsRefusedWithAwsError_AndChangesNothing(string tamper, int status, string code)
    {
        var now = DateTime.UtcNow;
        var request = tamper switch
        {
            "signed ten minutes ago (within AWS's 15 of skew)" => Signed(now.AddMinutes(-10)),
            "signed in 2001" => Signed(new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            "signed twenty minutes ahead" => Signed(now.AddMinutes(20)),
            _ => Signed(now),
        };
        var authorization = request.Headers["Authorization"];
        var signature = authorization[(authorization.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length)..];
        switch (tamper)
        {
            case "body swapped for a CreateVpc": request = request with { Body = "Action=CreateVpc&Version=2016-11-15&CidrBlock=10.62.0.0%2F16" }; break;
            case "a parameter added to the body": request = request with { Body = request.Body + "&VpcId.1=vpc-0123456789abcdef0" }; break;
            case "one hex digit of the signature changed":
                request.Headers["Authorization"] = authorization.Replace(signature, (signature[0] == '0' ? '1' : '0') + signature[1..]); break;
            case "Signature=0": request.Headers["Authorization"] = authorization.Replace(signature, "0"); break;
            case "X-Amz-Date moved by a second": request.Headers["X-Amz-Date"] = now.AddSeconds(now.Second == 59 ? -1 : 1).ToString("yyyyMMdd'T'HHmmss'Z'"); break;
            case "scope's region changed": request.Headers["Authorization"] = authorization.Replace("/us-east-1/", "/us-west-2/"); break;
            case "scope's date not the request's day":
                request.Headers["Authorization"] = authorization.Replace($"/{now:yyyyMMdd}/", $"/{now.AddDays(-1):yyyyMMdd}/"); break;
            case "Host header changed": request.Headers["Host"] = $"localhost:{fixture.Server.Port}"; break;
            case "access key of no profile": request.Headers["Authorization"] = authorization.Replace(AliceKey, "AKIANOBODY0000000001"); break;
            case "host left out of SignedHeaders": request.Headers["Authorization"] = authorization.Replace("SignedHeaders=content-type;host;", "SignedHeaders=content-type;"); break;
            case "no Signature component": request.Headers["Authorization"] = authorization[..authorization.IndexOf(", Signature=", StringComparison.Ordinal)]; break;
            case "Credential given twice": request.Headers["Authorization"] = authorization + $", Credential={BobKey}/{now:yyyyMMdd}/us-east-1/ec2/aws4_request"; break;
            case "no X-Amz-Date": request.Headers.Remove("X-Amz-Date"); break;
            case "another scheme (AWS v2)": request.Headers["Authorization"] = $"AWS {AliceKey}:{signature}"; break;
            case "no Authorization": request.Headers.Remove("Authorization"); break;
        }
        Assert.Contains("SignedHeaders=content-type;host;", authorization); // what the tampers above assume of the SDK's signature

        var (answered, body) = await request.SendAsync(Url);

        Assert.True(status == answered, $"{tamper}: {answered} {body}");
        if (code.Length > 0) Assert.Equal(code, Code(body));
        // Nothing a refused request carried took effect: the CreateVpc in the swapped body made no VPC.
        var vpcs = await Client(AliceKey, AliceSecret).DescribeVpcsAsync(new DescribeVpcsRequest
            { Filters = [new Filter("cidr-block-association.cidr-block", ["10.62.0.0/16"])] });
        Assert.Empty(vpcs.Vpcs ?? []);
    }

    [Fact]
    public async Task LocalVpcsOwnEndpoints_ShowOnlyTheSignersAccount_AndRefuseTheUnsignedAndReset()
    {
        var vpc = (await Client(AliceKey, AliceSecret).CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.64.0.0/16" })).Vpc.VpcId;
        await Client(BobKey, BobSecret).DescribeVpcsAsync(new DescribeVpcsRequest()); // bob's account exists too

        // localvpc status signs with the environment's credentials, as the aws CLI would.
        var (exit, output) = await LocalVpcCli.RunAsync(new Dictionary<string, string>
            { ["AWS_ACCESS_KEY_ID"] = AliceKey, ["AWS_SECRET_ACCESS_KEY"] = AliceSecret }, "status", "--json", "--endpoint-url", Url);
        Assert.True(exit == 0, output);
        var accounts = System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(fixture.Alice, Assert.Single(accounts).GetProperty("account").GetString());
        Assert.Contains(vpc, output);

        using var http = new HttpClient();
        var unsigned = await http.GetAsync($"{Url}/_localvpc/status");
        Assert.Equal(403, (int)unsigned.StatusCode);
        Assert.DoesNotContain(fixture.Alice, await unsigned.Content.ReadAsStringAsync());
        var probe = await http.GetAsync($"{Url}/_localvpc/probe?from=i-0123456789abcdef0&to=10.64.0.5:443&account={fixture.Alice}");
        Assert.Equal(403, (int)probe.StatusCode);
        var reset = await http.PostAsync($"{Url}/_localvpc/reset", null);
        Assert.Equal(403, (int)reset.StatusCode);
        Assert.Single((await Client(AliceKey, AliceSecret).DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc] })).Vpcs);
    }

    [Theory]
    [InlineData("--host", "0.0.0.0")]
    [InlineData("--auth", "sigv4", "--credentials", "/nonexistent/credentials")]
    [InlineData("--credentials", "/nonexistent/credentials")]
    public async Task UpRefusesWhatWouldLeaveItOpen_SayingWhy(params string[] args)
    {
        var data = Directory.CreateTempSubdirectory("localvpc-auth-").FullName;
        var refused = await LocalVpcServer.RefusedAsync(data, args);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(args[0] == "--host" ? "--insecure" : args[0] == "--auth" ? "/nonexistent/credentials" : "--auth sigv4", refused.Stderr);
        Assert.False(File.Exists(Path.Combine(data, "state.db"))); // nothing started
    }

    [Fact]
    public async Task APresignedUrl_WorksAsSigned_AndNotOnceForgedOrMovedIntoABody()
    {
        // boto3 presigns as users do; GET, since a presigned URL is followed with one.
        var script = "import boto3,sys\n" +
                     $"c=boto3.client('ec2',endpoint_url='{Url}',region_name='us-east-1',aws_access_key_id='{AliceKey}',aws_secret_access_key='{AliceSecret}')\n" +
                     "print(c.generate_presigned_url('describe_vpcs',Params={},ExpiresIn=300,HttpMethod='GET'))\n" +
                     // and one signed ten minutes ago, good for five: expired
                     "import botocore.auth,datetime\n" +
                     "now=botocore.auth.get_current_datetime\n" +
                     "botocore.auth.get_current_datetime=lambda: now()-datetime.timedelta(minutes=10)\n" +
                     "print(c.generate_presigned_url('describe_vpcs',Params={},ExpiresIn=300,HttpMethod='GET'))";
        var info = new ProcessStartInfo("python3");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        var run = await ChildProcess.RunAsync(info, "This test presigns with boto3: pip install boto3 (or run .ci/run).");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var (url, expired) = (run.Stdout.Split('\n')[0].Trim(), run.Stdout.Split('\n')[1].Trim());
        using var http = new HttpClient();

        var late = await http.GetAsync(expired);
        Assert.Equal((400, "RequestExpired"), ((int)late.StatusCode, Code(await late.Content.ReadAsStringAsync())));

        var signed = await http.GetAsync(url);
        Assert.Equal(200, (int)signed.StatusCode);
        Assert.Contains("<vpcSet>", await signed.Content.ReadAsStringAsync());

        foreach (var forged in new[]
                 {
                     url.Replace("Action=DescribeVpcs", "Action=DescribeSubnets"),
                     url.Replace("X-Amz-Expires=300", "X-Amz-Expires=600"),
                     url[..(url.IndexOf("X-Amz-Signature=", StringComparison.Ordinal) + "X-Amz-Signature=".Length)] + "0",
                     url + "&CidrBlock=10.63.0.0%2F16",
                 })
        {
            var answer = await http.GetAsync(forged);
            var body = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == System.Net.HttpStatusCode.Forbidden && Code(body) == "SignatureDoesNotMatch", $"{forged}: {body}");
        }

        // The same parameters posted as a form body are no presigned request: a web page could post them.
        var query = new Uri(url).Query.TrimStart('?');
        var posted = await http.PostAsync(Url, new StringContent(query, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal("MissingAuthenticationToken", Code(await posted.Content.ReadAsStringAsync()));
    }
}
