using System.Diagnostics;
using LocalVpc.Analysis;
using LocalVpc.Core;
using LocalVpc.Core.Commands;
using LocalVpc.Core.Commands.Instances;
using LocalVpc.Core.Commands.SecurityGroups;
using LocalVpc.Core.Commands.Subnets;
using LocalVpc.Core.Commands.VpcEndpoints;
using LocalVpc.Core.Commands.Vpcs;
using LocalVpc.Core.Resources;
using LocalVpc.Core.Requests;
using LocalVpc.Core.State;

namespace LocalVpc.Bench;

/// <summary>
/// The reachability analyser on a generated network: one VPC with 200 subnets, 2,000 security groups holding 50,000
/// rules, 10,000 instances (two groups each) and an interface endpoint to KMS whose group admits 443 from 50 of the
/// groups. Measures one probe (p50, p99) and the sweep "which instances can reach the endpoint on 443". In process:
/// the analyser is pure, so this measures it and not HTTP; no peer has one to compare with.
/// </summary>
internal static class Reachability
{
    private const int Subnets = 200, Groups = 2000, RulesPerGroup = 25, Instances = 10_000, GroupsAdmitted = 50;

    public static void Run(int probes)
    {
        var build = Stopwatch.StartNew();
        var (state, endpointName) = Build();
        Console.Error.WriteLine($"reachability: built {state.NetworkInterfaces.Count} interfaces, {state.SecurityGroups.Count} groups, " +
                                $"{state.SecurityGroups.Values.Sum(g => g.Rules.Count())} rules, {state.Subnets.Count} subnets in {build.Elapsed.TotalSeconds:F1} s");
        var region = RegionSnapshot.Empty(state.Scope.Region).With(state);
        var account = state.Scope.Account;
        var policy = new NetworkPolicy(DateTimeOffset.UtcNow);
        var instances = state.Instances.Keys.ToArray();

        // Warm up (JIT), then single probes on instances spread over the network.
        for (var i = 0; i < 200; i++) ReachabilityAnalyzer.Analyze(region, account, new Flow(instances[i], endpointName, "tcp", 443), policy);
        var times = new double[probes];
        for (var i = 0; i < probes; i++)
        {
            var flow = new Flow(instances[(int)((long)i * 7919 % instances.Length)], endpointName, "tcp", 443);
            var watch = Stopwatch.StartNew();
            ReachabilityAnalyzer.Analyze(region, account, flow, policy);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);

        var sweep = Stopwatch.StartNew();
        var reachable = ReachabilityAnalyzer.WhoCanReach(region, account, endpointName, "tcp", 443, policy).Count;
        var sweepMs = sweep.Elapsed.TotalMilliseconds;

        Console.WriteLine("| measurement | result | goal |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| one probe, instance → endpoint private DNS name:443 ({probes} probes) | p50 {times[probes / 2]:F3} ms, p99 {times[probes * 99 / 100]:F3} ms | p50 under 1 ms |");
        Console.WriteLine($"| which of {instances.Length} instances reach the endpoint on 443 ({Environment.ProcessorCount} cores) | {sweepMs:F0} ms ({reachable} reachable) | under 200 ms |");
    }

    private static (AccountState State, string EndpointName) Build()
    {
        var scope = new Scope("123456789012", "us-east-1");
        var context = new CommandContext(new Core.Ids.SequentialIdSource(), TimeProvider.System);
        var state = AccountState.Empty(scope);
        T Run<T>(ICommand<T> command)
        {
            var decision = command.Decide(state, context);
            if (decision.Error is { } error) throw new InvalidOperationException($"{command.GetType().Name}: {error.Code} {error.Message}");
            state = state.Apply(decision.Events);
            return decision.Value!;
        }
        Run(new InitializeRegion(false));
        var vpc = Run(new CreateVpc("10.0.0.0/16", null, []));
        Run(new ModifyVpcAttribute(vpc, null, true, null));
        var zones = state.Region.Zones;
        var subnets = Enumerable.Range(0, Subnets)
            .Select(i => Run(new CreateSubnet(vpc, $"10.0.{i}.0/24", zones[i % zones.Length].Name, null, [])))
            .ToArray();

        var random = new Random(42);
        var groups = Enumerable.Range(0, Groups).Select(i => Run(new CreateSecurityGroup($"g{i}", "generated", vpc, []))).ToArray();
        foreach (var group in groups)
        {
            // 20 inbound rules (ports from peers' groups and the VPC's blocks) and 5 outbound, beside the default egress rule.
            var ingress = Enumerable.Range(0, 20).Select(r => r % 2 == 0
                ? new RuleSpec("tcp", 1000 + r, 1000 + r, RulePeer.Group(groups[random.Next(Groups)], scope.Account), null)
                : new RuleSpec("tcp", 2000 + r, 2000 + r, RulePeer.Ipv4($"10.0.{random.Next(Subnets)}.0/24"), null));
            Run(new AuthorizeSecurityGroupRules(group, null, false, [.. ingress], []));
            var egress = Enumerable.Range(0, RulesPerGroup - 21).Select(r => new RuleSpec("udp", 3000 + r, 3000 + r, RulePeer.Ipv4($"10.{r}.0.0/16"), null));
            Run(new AuthorizeSecurityGroupRules(group, null, true, [.. egress], []));
        }

        var endpointGroup = Run(new CreateSecurityGroup("kms-endpoint", "endpoint", vpc, []));
        Run(new AuthorizeSecurityGroupRules(endpointGroup, null, false,
            [.. groups.Take(GroupsAdmitted).Select(g => new RuleSpec("tcp", 443, 443, RulePeer.Group(g, scope.Account), null))], []));
        Run(new CreateVpcEndpoint(vpc, "Interface", "com.amazonaws.us-east-1.kms", [subnets[0]], [endpointGroup], [], null, true,
            null, null, null, null, []));

        for (var i = 0; i < Instances; i++)
            Run(new RunInstances("ami-12345678", null, null, 1, 1,
                new InstanceLaunch(subnets[i % Subnets], [groups[random.Next(Groups)], groups[random.Next(Groups)]], null, false, null), []));
        return (state, "kms.us-east-1.amazonaws.com");
    }
}
