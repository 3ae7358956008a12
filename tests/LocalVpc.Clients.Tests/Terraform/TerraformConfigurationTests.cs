namespace LocalVpc.Clients.Tests.Terraform;

/// <summary>
/// A Terraform configuration, as its user would run it against LocalVpc with the real provider: <c>init</c>, <c>apply</c>,
/// then <c>plan -detailed-exitcode</c> must find nothing to change (exit 0), then <c>destroy</c>, and nothing the
/// configuration made is left. Each configuration is a class of its own, so they run in parallel.
/// </summary>
public abstract class TerraformConfigurationTests(ServerFixture fixture)
{
    /// <summary>The folder under <c>Terraform/Configurations</c>.</summary>
    protected abstract string Configuration { get; }

    protected LocalVpcServer Server => fixture.Server;

    /// <summary>The accounts the configuration builds in, by variable name; a fresh one for each.</summary>
    protected virtual IEnumerable<string> AccountVariables => ["account"];

    [Fact]
    public async Task Apply_ThenPlanIsEmpty_ThenDestroyLeavesNothing()
    {
        var accounts = AccountVariables.ToDictionary(v => v, _ => ServerFixture.NewAccount());
        var terraform = TerraformCli.For(Configuration, new Dictionary<string, string>(accounts) { ["endpoint"] = Server.Url });

        await RunAsync(terraform, "init", "-input=false", "-no-color");
        await RunAsync(terraform, "apply", "-auto-approve", "-input=false", "-no-color");
        await CheckAppliedAsync(terraform, accounts);

        var plan = await terraform.RunAsync("plan", "-detailed-exitcode", "-input=false", "-no-color");
        Assert.True(plan.ExitCode == 0, $"the plan after apply wants changes (exit {plan.ExitCode}):\n{plan.Output}");

        await RunAsync(terraform, "destroy", "-auto-approve", "-input=false", "-no-color");
        foreach (var account in accounts.Values) await AssertOnlyDefaultsLeftAsync(account);
    }

    /// <summary>What the configuration should have built, checked with the SDK after apply.</summary>
    protected virtual Task CheckAppliedAsync(TerraformCli terraform, IReadOnlyDictionary<string, string> accounts) => Task.CompletedTask;

    private static async Task RunAsync(TerraformCli terraform, params string[] args)
    {
        var result = await terraform.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"terraform {args[0]} failed (exit {result.ExitCode}):\n{result.Output}");
    }

    /// <summary>After destroy an account holds what a new account holds: its default VPC and nothing of the configuration's.</summary>
    private async Task AssertOnlyDefaultsLeftAsync(string account)
    {
        var ec2 = Sdk.Ec2(Server, account);
        Assert.All((await ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs ?? [], v => Assert.True(v.IsDefault, $"{v.VpcId} is left"));
        Assert.Empty((await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest())).VpcEndpoints ?? []);
        Assert.All((await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest())).SecurityGroups ?? [],
            g => Assert.True(g.GroupName == "default", $"{g.GroupId} ({g.GroupName}) is left"));
        Assert.All(((await ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations ?? []).SelectMany(r => r.Instances ?? []),
            i => Assert.Equal(InstanceStateName.Terminated, i.State.Name));
        Assert.Empty((await ec2.DescribeVpcEndpointServiceConfigurationsAsync(new DescribeVpcEndpointServiceConfigurationsRequest())).ServiceConfigurations ?? []);
        Assert.Empty((await ec2.DescribeNetworkInsightsPathsAsync(new DescribeNetworkInsightsPathsRequest())).NetworkInsightsPaths ?? []);
        Assert.Empty((await ec2.DescribeCustomerGatewaysAsync(new DescribeCustomerGatewaysRequest())).CustomerGateways ?? []);
        Assert.Empty((await ec2.DescribeAddressesAsync(new DescribeAddressesRequest())).Addresses ?? []);
        Assert.Empty((await ec2.DescribeVpnGatewaysAsync(new DescribeVpnGatewaysRequest())).VpnGateways ?? []);
        Assert.Empty((await ec2.DescribeEgressOnlyInternetGatewaysAsync(new DescribeEgressOnlyInternetGatewaysRequest())).EgressOnlyInternetGateways ?? []);
        Assert.Empty((await ec2.DescribeVolumesAsync(new DescribeVolumesRequest())).Volumes ?? []);
        Assert.Empty((await ec2.DescribeFlowLogsAsync(new DescribeFlowLogsRequest())).FlowLogs ?? []);
        Assert.Empty((await ec2.DescribeVpcEndpointConnectionNotificationsAsync(new DescribeVpcEndpointConnectionNotificationsRequest()))
            .ConnectionNotificationSet ?? []);
        Assert.Empty((await ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest { Filters = [new("owner-id", [account])] }))
            .PrefixLists ?? []);
        Assert.All((await ec2.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest())).VpcPeeringConnections ?? [],
            p => Assert.Equal(VpcPeeringConnectionStateReasonCode.Deleted, p.Status.Code));
        Assert.Empty((await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest())).NetworkInterfaces ?? []);
        Assert.All((await ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest())).NatGateways ?? [],
            n => Assert.Equal(NatGatewayState.Deleted, n.State));
        var defaultVpc = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs.Single();
        Assert.Equal([defaultVpc.DhcpOptionsId], (await ec2.DescribeDhcpOptionsAsync(new DescribeDhcpOptionsRequest())).DhcpOptions.Select(o => o.DhcpOptionsId));
        Assert.All((await ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest())).InternetGateways ?? [],
            g => Assert.True(g.Attachments.SingleOrDefault()?.VpcId == defaultVpc.VpcId, $"{g.InternetGatewayId} is left"));
    }
}
