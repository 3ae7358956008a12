using LocalVpc.Core.Commands.Instances;
using LocalVpc.Core.Commands.InternetGateways;
using LocalVpc.Core.Commands.RouteTables;
using LocalVpc.Core.Commands.SecurityGroups;
using LocalVpc.Core.Commands.Subnets;
using LocalVpc.Core.Commands.VpcEndpoints;
using LocalVpc.Core.Commands.Vpcs;

namespace LocalVpc.Analysis.Tests;

/// <summary>
/// A region built with the same commands the API runs, decided and applied in process: the analyser's tests need no
/// server. Every command must succeed.
/// </summary>
internal sealed class TestNetwork
{
    public const string Account = "111122223333";

    private readonly CommandContext _context;

    public TestNetwork(TimeSpan endpointTransition = default)
    {
        _context = new CommandContext(new Core.Ids.SequentialIdSource(), Time) { EndpointTransition = endpointTransition };
        Run(new InitializeRegion(CreateDefaultVpc: false));
    }

    public ManualTime Time { get; } = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    public RegionSnapshot Region { get; private set; } = RegionSnapshot.Empty(Scope.DefaultRegion);

    public AccountState State => Region.Account(Account);

    public NetworkPolicy Policy(bool internet = false, params string[] forwarded) =>
        new(Time.Now, internet, [.. forwarded.Select(System.Net.IPAddress.Parse)]);

    public Verdict Analyze(string source, string destination, int port, NetworkPolicy? policy = null, bool preferIpv6 = false) =>
        ReachabilityAnalyzer.Analyze(Region, Account, new Flow(source, destination, "tcp", port, preferIpv6), policy ?? Policy());

    public T Run<T>(ICommand<T> command) => Run(command, Account);

    /// <summary>A command in another account of the region (the other side of a peering or an endpoint service).</summary>
    public T Run<T>(ICommand<T> command, string account)
    {
        var decision = command.Decide(Region.Account(account), _context with { Region = Region });
        Assert.True(decision.Error is null, decision.Error?.ToString());
        Region = Region.Apply([new AccountEvents(account, decision.Events), .. decision.Elsewhere.IsDefault ? [] : decision.Elsewhere]);
        return decision.Value!;
    }

    /// <summary>A VPC with DNS hostnames on, one subnet, and a running instance in a group of its own (no rules beyond the default egress).</summary>
    public (string Vpc, string Subnet, string Instance, string InstanceGroup) Basics(string cidr = "10.0.0.0/16", string subnetCidr = "10.0.1.0/24")
    {
        var vpc = Run(new CreateVpc(cidr, null, []));
        Run(new ModifyVpcAttribute(vpc, null, EnableDnsHostnames: true, null));
        var subnet = Run(new CreateSubnet(vpc, subnetCidr, "us-east-1a", null, []));
        var group = Run(new CreateSecurityGroup("app", "app", vpc, []));
        var instance = Run(new RunInstances("ami-12345678", null, null, 1, 1, new InstanceLaunch(subnet, [group], null, null, null), []))[0];
        return (vpc, subnet, instance, group);
    }

    public string Group(string vpc, string name, int ingressPort, string fromCidr)
    {
        var group = Run(new CreateSecurityGroup(name, name, vpc, []));
        Run(new AuthorizeSecurityGroupRules(group, null, IsEgress: false, [new RuleSpec("tcp", ingressPort, ingressPort, new RulePeer(CidrIpv4: fromCidr), null)], []));
        return group;
    }

    public string KmsEndpoint(string vpc, string subnet, string group) =>
        Run(new CreateVpcEndpoint(vpc, "Interface", "com.amazonaws.us-east-1.kms", [subnet], [group], [], null, true, null, null, null, null, []));

    /// <summary>A VPC routed to an internet gateway, and a running instance with a public address, so the gateway can carry its traffic.</summary>
    public (string Vpc, string InternetGateway, string Instance) PublicInstance()
    {
        var (vpc, _, _, group) = Basics();
        var igw = InternetRoute(vpc);
        var subnet = Run(new CreateSubnet(vpc, "10.0.2.0/24", "us-east-1b", null, []));
        var instance = Run(new RunInstances("ami-12345678", null, null, 1, 1, new InstanceLaunch(subnet, [group], null, AssociatePublicIpAddress: true, null), []))[0];
        return (vpc, igw, instance);
    }

    /// <summary>An internet gateway attached to the VPC, and 0.0.0.0/0 to it in the VPC's main route table.</summary>
    public string InternetRoute(string vpc)
    {
        var igw = Run(new CreateInternetGateway([]));
        Run(new AttachInternetGateway(igw, vpc));
        Run(new PutRoute(State.MainRouteTableOf(vpc).Id, "0.0.0.0/0", null, null, new RouteTargetSpec(igw, null, null, null, null, null), Replace: false));
        return igw;
    }
}
