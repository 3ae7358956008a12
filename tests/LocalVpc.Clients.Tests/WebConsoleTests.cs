using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LocalVpc.Clients.Tests;

/// <summary>
/// The web console at <c>/_localvpc/ui/</c> in a real browser: the seed's story built with the aws CLI and then seen,
/// acceptance across two accounts seen from both sides, a large region, and a <c>--auth sigv4</c> server. Each view's
/// screenshot goes under the test output's <c>screenshots/</c>.
/// </summary>
public sealed class WebConsoleTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private Browser _browser = null!;
    private TcpSink _ssm = null!;
    private LocalVpcServer _server = null!;
    private readonly string _account = ServerFixture.NewAccount();

    public async Task InitializeAsync()
    {
        // xunit does not dispose a class whose start failed: what started before the failure is stopped here.
        _browser = await Browser.StartAsync();
        _ssm = new TcpSink("hello from ssm");
        try
        {
            _server = await LocalVpcServer.StartAsync(null, null, "--service", $"ssm=tcp://127.0.0.1:{_ssm.Port}", "--deny", "reject");
        }
        catch
        {
            await _ssm.DisposeAsync();
            await _browser.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
        await _ssm.DisposeAsync();
    }

    private Task<string> Cli(string account, params string[] args) => AwsCli.TextAsync(_server, account, args);

    private async Task<IPage> OpenAsync(string account)
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync($"{_server.Url}/_localvpc/ui/?account={account}&region=us-east-1");
        // Marks this load: a reload would lose it.
        await page.EvaluateAsync("() => { window.loadedOnce = true; }");
        return page;
    }

    private void NothingLeftLoopback()
    {
        Assert.NotEmpty(_browser.Requests);
        Assert.All(_browser.Requests, url => Assert.Equal($"127.0.0.1:{_server.Port}", new Uri(url).Authority));
    }

    [Fact]
    public async Task TheSeedsStory_FailingHopMarkedAtTheEndpointsGroup_TurnsGreenWhenTheOfferedRuleIsAdded_WithoutReload()
    {
        // The seed's network, built with the aws CLI: an instance, and an ssm endpoint whose group lets nothing in.
        var vpc = await Cli(_account, "ec2", "create-vpc", "--cidr-block", "10.0.0.0/16", "--tag-specifications", "ResourceType=vpc,Tags=[{Key=Name,Value=app}]", "--query", "Vpc.VpcId");
        await Cli(_account, "ec2", "modify-vpc-attribute", "--vpc-id", vpc, "--enable-dns-hostnames");
        var subnet = await Cli(_account, "ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.1.0/24", "--availability-zone", "us-east-1a", "--query", "Subnet.SubnetId");
        var group = await Cli(_account, "ec2", "create-security-group", "--vpc-id", vpc, "--group-name", "endpoint", "--description", "ssm endpoint", "--query", "GroupId");
        var endpoint = await Cli(_account, "ec2", "create-vpc-endpoint", "--vpc-id", vpc, "--vpc-endpoint-type", "Interface", "--service-name", "com.amazonaws.us-east-1.ssm",
            "--subnet-ids", subnet, "--security-group-ids", group, "--private-dns-enabled", "--query", "VpcEndpoint.VpcEndpointId");
        var eni = await Cli(_account, "ec2", "describe-vpc-endpoints", "--vpc-endpoint-ids", endpoint, "--query", "VpcEndpoints[0].NetworkInterfaceIds[0]");
        var instance = await Cli(_account, "ec2", "run-instances", "--image-id", "ami-12345678", "--subnet-id", subnet, "--query", "Instances[0].InstanceId");

        // The topology: the VPC, its subnet in its zone, the endpoint's interface with its group.
        var page = await OpenAsync(_account);
        var endpointGroup = page.Locator($"li.eni[data-id='{eni}'] .sg[data-id='{group}']");
        await Expect(endpointGroup).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(page.Locator($"details.vpc[data-id='{vpc}'] summary")).ToContainTextAsync("app");
        await Expect(page.Locator($"details.vpc[data-id='{vpc}'] .az h3")).ToHaveTextAsync("us-east-1a");
        await Browser.ScreenshotAsync(page, "seed-topology.png");

        // The path: stopped at the endpoint's group, which is marked, with the fix as a command.
        await page.SelectOptionAsync("#path-from", instance);
        await page.FillAsync("#path-to", "ssm.us-east-1.amazonaws.com");
        await page.FillAsync("#path-port", "443");
        await page.ClickAsync("#analyze");
        await Expect(page.Locator("#explanation")).ToHaveTextAsync("ENI_SG_RULES_MISMATCH");
        await Expect(endpointGroup).ToHaveClassAsync(new Regex("hop-fail"));
        await Expect(page.Locator("#verdict-head")).ToHaveTextAsync(new Regex("^Not reachable"));
        var fix = (await page.Locator("#fix-command").TextContentAsync())!;
        Assert.Contains($"ec2 authorize-security-group-ingress --group-id {group} --protocol tcp --port 443 --source-group ", fix);
        await Browser.ScreenshotAsync(page, "seed-path-blocked.png");

        // The user runs the command the page offers; the page turns green by itself.
        var added = await AwsCli.RunAsync(_server, _account, [.. fix.Split(' ').SkipWhile(a => a != "ec2")]);
        Assert.True(added.ExitCode == 0, added.Stderr);
        await Expect(page.Locator("#verdict-head")).ToHaveTextAsync(new Regex("^Reachable"), new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(endpointGroup).Not.ToHaveClassAsync(new Regex("hop-fail"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page reloaded");

        // Test live: a real connection through the instance's proxy, agreeing with the analysis.
        await page.ClickAsync("#test-live");
        await Expect(page.Locator("#live-result")).ToContainTextAsync("connected · agrees with the analysis", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Browser.ScreenshotAsync(page, "seed-path-open.png");

        // Each resource names the command that describes it.
        await endpointGroup.ClickAsync();
        await Expect(page.Locator("[data-cli]")).ToContainTextAsync($"ec2 describe-security-groups --group-ids {group}");
        NothingLeftLoopback();
    }

    [Fact]
    public async Task Acceptance_AcrossTwoAccounts_SeenFromEachSide_AsItHappens()
    {
        var provider = _account;
        var consumer = ServerFixture.NewAccount();
        var providerSubnet = await Cli(provider, "ec2", "describe-subnets", "--filters", "Name=availability-zone,Values=us-east-1a", "--query", "Subnets[0].SubnetId");
        var balancer = await Cli(provider, "elbv2", "create-load-balancer", "--name", "orders", "--type", "network", "--scheme", "internal", "--subnets", providerSubnet,
            "--query", "LoadBalancers[0].LoadBalancerArn");
        var service = await Cli(provider, "ec2", "create-vpc-endpoint-service-configuration", "--network-load-balancer-arns", balancer, "--acceptance-required",
            "--query", "ServiceConfiguration.[ServiceId,ServiceName]");
        var (serviceId, serviceName) = (service.Split('\t')[0], service.Split('\t')[1]);
        await Cli(provider, "ec2", "modify-vpc-endpoint-service-permissions", "--service-id", serviceId, "--add-allowed-principals", $"arn:aws:iam::{consumer}:root");
        var consumerSubnet = await Cli(consumer, "ec2", "describe-subnets", "--filters", "Name=availability-zone,Values=us-east-1a", "--query", "Subnets[0].[VpcId,SubnetId]");
        var endpoint = await Cli(consumer, "ec2", "create-vpc-endpoint", "--vpc-endpoint-type", "Interface", "--service-name", serviceName,
            "--vpc-id", consumerSubnet.Split('\t')[0], "--subnet-ids", consumerSubnet.Split('\t')[1], "--query", "VpcEndpoint.VpcEndpointId");

        var providerPage = await OpenAsync(provider);
        var consumerPage = await OpenAsync(consumer);
        var connection = providerPage.Locator($"[data-id='{serviceId}'] .connection[data-id='{endpoint}']");
        var consumerEndpoint = consumerPage.Locator($".chip[data-id='{endpoint}']");
        await Expect(connection).ToContainTextAsync($"{consumer} · {endpoint} pendingAcceptance", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(consumerEndpoint).ToContainTextAsync("pendingAcceptance", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Browser.ScreenshotAsync(providerPage, "acceptance-provider-pending.png");
        await Browser.ScreenshotAsync(consumerPage, "acceptance-consumer-pending.png");

        await Cli(provider, "ec2", "accept-vpc-endpoint-connections", "--service-id", serviceId, "--vpc-endpoint-ids", endpoint);
        await Expect(connection).ToContainTextAsync("available", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(consumerEndpoint).ToContainTextAsync("available", new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.True(await providerPage.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the provider's page reloaded");
        Assert.True(await consumerPage.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the consumer's page reloaded");
        await Browser.ScreenshotAsync(providerPage, "acceptance-provider-available.png");
        await Browser.ScreenshotAsync(consumerPage, "acceptance-consumer-available.png");
        NothingLeftLoopback();
    }

    [Fact]
    public async Task ARegionOf200SubnetsAnd2000Interfaces_IsDrawn_Collapses_AndFindsAnInterfaceByItsId()
    {
        var ec2 = Sdk.Ec2(_server, _account);
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        string[] zones = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"];
        var subnets = new List<string>();
        for (var i = 0; i < 200; i++)
            subnets.Add((await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = $"10.0.{i}.0/24", AvailabilityZone = zones[i % zones.Length] })).Subnet.SubnetId);
        var interfaces = new List<string>();
        foreach (var chunk in Enumerable.Range(0, 2000).Chunk(50))
            interfaces.AddRange(await Task.WhenAll(chunk.Select(async i =>
                (await ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnets[i % subnets.Count] })).NetworkInterface.NetworkInterfaceId)));

        var page = await OpenAsync(_account);
        await Expect(page.Locator("li.eni")).ToHaveCountAsync(2000, new() { Timeout = (float)Patience.TotalMilliseconds });
        output.WriteLine($"drawn: 200 subnets, {await page.Locator("li.eni").CountAsync()} interfaces, render {await page.GetAttributeAsync("body", "data-render-ms")} ms");
        await Browser.ScreenshotAsync(page, "large-region.png", fullPage: false);

        var wanted = interfaces[1234];
        await page.FillAsync("#search", wanted);
        await Expect(page.Locator($"li.eni[data-id='{wanted}']")).ToHaveClassAsync(new Regex("match"));
        await Expect(page.Locator("li.eni.match")).ToHaveCountAsync(1);
        await page.FillAsync("#search", "");
        await page.ClickAsync($"details.vpc[data-id='{vpc}'] > summary");
        await Expect(page.Locator($"li.eni[data-id='{wanted}']")).Not.ToBeVisibleAsync();
        NothingLeftLoopback();
    }

    [Fact]
    public async Task OnASigV4Server_ThePageSignsWithTheKeyGiven_AndShowsOnlyThatKeysAccount_Live()
    {
        var (alice, bob) = (ServerFixture.NewAccount(), ServerFixture.NewAccount());
        var credentials = Path.Combine(Directory.CreateTempSubdirectory("localvpc-credentials-").FullName, "credentials");
        await File.WriteAllTextAsync(credentials, $"[alice]\naws_access_key_id = AKIAALICE00000000001\naws_secret_access_key = alice/Secret+Key\naccount_id = {alice}\n\n" +
                                                  $"[bob]\naws_access_key_id = AKIABOB000000000001\naws_secret_access_key = bob-secret\naccount_id = {bob}\n");
        await using var server = await LocalVpcServer.StartAsync(null, null, "--auth", "sigv4", "--credentials", credentials);
        AmazonEC2Client Client(string key, string secret) =>
            new(new Amazon.Runtime.BasicAWSCredentials(key, secret), new AmazonEC2Config { ServiceURL = server.Url, AuthenticationRegion = "us-east-1" });
        var aliceVpc = (await Client("AKIAALICE00000000001", "alice/Secret+Key").CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" })).Vpc.VpcId;
        var bobVpc = (await Client("AKIABOB000000000001", "bob-secret").CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.2.0.0/16" })).Vpc.VpcId;

        var page = await _browser.NewPageAsync();
        await page.GotoAsync($"{server.Url}/_localvpc/ui/");
        await Expect(page.Locator("#credentials")).ToBeVisibleAsync();
        await page.FillAsync("#access-key", "AKIAALICE00000000001");
        await page.FillAsync("#secret-key", "not alice's secret");
        await page.ClickAsync("#credentials button");
        await Expect(page.Locator("#credentials-error")).ToContainTextAsync("SignatureDoesNotMatch");

        await page.FillAsync("#secret-key", "alice/Secret+Key");
        await page.ClickAsync("#credentials button");
        await Expect(page.Locator($"details.vpc[data-id='{aliceVpc}']")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.Equal([alice], await page.Locator("#account option").AllTextContentsAsync());
        Assert.DoesNotContain(bobVpc, await page.ContentAsync());
        await Browser.ScreenshotAsync(page, "sigv4-signed-in.png");

        // Its change events are signed too: a VPC Alice makes shows up by itself.
        await page.EvaluateAsync("() => { window.loadedOnce = true; }");
        var another = (await Client("AKIAALICE00000000001", "alice/Secret+Key").CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.3.0.0/16" })).Vpc.VpcId;
        await Expect(page.Locator($"details.vpc[data-id='{another}']")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page reloaded");
    }
}
