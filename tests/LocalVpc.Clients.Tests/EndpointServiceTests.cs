namespace LocalVpc.Clients.Tests;

/// <summary>
/// PrivateLink's provider side across two accounts: the provider (its own access key id) builds a network load
/// balancer (with the aws CLI) and an endpoint service; the consumer (another) connects with the AWS SDK for .NET.
/// </summary>
public sealed class EndpointServiceTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly string _providerAccount = ServerFixture.NewAccount();
    private readonly string _consumerAccount = ServerFixture.NewAccount();
    private AmazonEC2Client Provider => Sdk.Ec2(fixture.Server, _providerAccount);
    private AmazonEC2Client Consumer => Sdk.Ec2(fixture.Server, _consumerAccount);

    /// <summary>An internal network load balancer in the provider's default VPC, and a service behind it.</summary>
    private async Task<(string Balancer, ServiceConfiguration Service)> NewServiceAsync(bool acceptanceRequired = true, string? privateDnsName = null)
    {
        var subnet = (await Provider.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new("availability-zone", ["us-east-1a"])] })).Subnets[0].SubnetId;
        var created = await AwsCli.RunAsync(fixture.Server, _providerAccount, "elbv2", "create-load-balancer", "--name", $"svc-{Guid.NewGuid():N}"[..20],
            "--type", "network", "--scheme", "internal", "--subnets", subnet, "--query", "LoadBalancers[0].LoadBalancerArn", "--output", "text");
        Assert.True(created.ExitCode == 0, created.Stderr);
        var balancer = created.Stdout.Trim();
        var service = (await Provider.CreateVpcEndpointServiceConfigurationAsync(new CreateVpcEndpointServiceConfigurationRequest
        {
            NetworkLoadBalancerArns = [balancer], AcceptanceRequired = acceptanceRequired, PrivateDnsName = privateDnsName,
        })).ServiceConfiguration;
        return (balancer, service);
    }

    private async Task<(string Vpc, string Subnet)> ConsumerSubnetAsync()
    {
        var subnet = (await Consumer.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new("availability-zone", ["us-east-1a"])] })).Subnets[0];
        return (subnet.VpcId, subnet.SubnetId);
    }

    private async Task<VpcEndpoint> ConnectAsync(string serviceName, bool? privateDns = null)
    {
        var (vpc, subnet) = await ConsumerSubnetAsync();
        return (await Consumer.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc, VpcEndpointType = VpcEndpointType.Interface, ServiceName = serviceName, SubnetIds = [subnet], PrivateDnsEnabled = privateDns,
        })).VpcEndpoint;
    }

    [Fact]
    public async Task WholeFlow_ServicePermissionEndpointPendingAcceptanceAcceptAvailable()
    {
        var (balancer, service) = await NewServiceAsync();
        Assert.Matches("^vpce-svc-[0-9a-f]{17}$", service.ServiceId);
        Assert.Equal($"com.amazonaws.vpce.us-east-1.{service.ServiceId}", service.ServiceName);
        Assert.Equal("Available", service.ServiceState.Value);
        Assert.Equal([balancer], service.NetworkLoadBalancerArns);

        // Not allowed yet: the consumer cannot see the service at all.
        var hidden = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ConnectAsync(service.ServiceName));
        Assert.Equal("InvalidServiceName", hidden.ErrorCode);

        var added = await Provider.ModifyVpcEndpointServicePermissionsAsync(new ModifyVpcEndpointServicePermissionsRequest
        {
            ServiceId = service.ServiceId, AddAllowedPrincipals = [$"arn:aws:iam::{_consumerAccount}:root"],
        });
        Assert.Equal("Account", Assert.Single(added.AddedPrincipals).PrincipalType.Value);
        var visible = (await Consumer.DescribeVpcEndpointServicesAsync(new DescribeVpcEndpointServicesRequest { ServiceNames = [service.ServiceName] })).ServiceDetails;
        Assert.Equal((_providerAccount, true), (Assert.Single(visible).Owner, visible[0].AcceptanceRequired!.Value));

        var endpoint = await ConnectAsync(service.ServiceName);
        Assert.Equal("pendingAcceptance", endpoint.State.Value, ignoreCase: true);
        var connection = Assert.Single((await Provider.DescribeVpcEndpointConnectionsAsync(new DescribeVpcEndpointConnectionsRequest())).VpcEndpointConnections);
        Assert.Equal((endpoint.VpcEndpointId, _consumerAccount, service.ServiceId), (connection.VpcEndpointId, connection.VpcEndpointOwner, connection.ServiceId));
        Assert.Equal("pendingAcceptance", connection.VpcEndpointState.Value, ignoreCase: true);
        Assert.Equal([balancer], connection.NetworkLoadBalancerArns);

        var accepted = await Provider.AcceptVpcEndpointConnectionsAsync(new AcceptVpcEndpointConnectionsRequest
        {
            ServiceId = service.ServiceId, VpcEndpointIds = [endpoint.VpcEndpointId, "vpce-0000000000000000f"],
        });
        Assert.Equal("vpce-0000000000000000f", Assert.Single(accepted.Unsuccessful).ResourceId);
        var available = Assert.Single((await Consumer.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [endpoint.VpcEndpointId] })).VpcEndpoints);
        Assert.Equal("available", available.State.Value, ignoreCase: true);
        Assert.EndsWith($".{service.ServiceId}.us-east-1.vpce.amazonaws.com", available.DnsEntries[0].DnsName);
    }

    [Fact]
    public async Task EachSideSeesOnlyItsOwn_AndCannotActOnTheOthers()
    {
        var (_, service) = await NewServiceAsync();
        await Provider.ModifyVpcEndpointServicePermissionsAsync(new ModifyVpcEndpointServicePermissionsRequest { ServiceId = service.ServiceId, AddAllowedPrincipals = ["*"] });
        var endpoint = await ConnectAsync(service.ServiceName);

        Assert.True((await Consumer.DescribeVpcEndpointServiceConfigurationsAsync(new DescribeVpcEndpointServiceConfigurationsRequest())).ServiceConfigurations is null or { Count: 0 });
        Assert.True((await Provider.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest())).VpcEndpoints is null or { Count: 0 });
        var notTheirs = await Assert.ThrowsAsync<AmazonEC2Exception>(() => Consumer.AcceptVpcEndpointConnectionsAsync(new AcceptVpcEndpointConnectionsRequest
        {
            ServiceId = service.ServiceId, VpcEndpointIds = [endpoint.VpcEndpointId],
        }));
        Assert.Equal("InvalidVpcEndpointServiceId.NotFound", notTheirs.ErrorCode);
        var notTheirEndpoint = await Provider.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [endpoint.VpcEndpointId] });
        Assert.Equal("InvalidVpcEndpoint.NotFound", Assert.Single(notTheirEndpoint.Unsuccessful).Error.Code);
    }

    [Fact]
    public async Task Reject_AndServiceAndBalancerDeletion_AsAws()
    {
        var (balancer, service) = await NewServiceAsync();
        await Provider.ModifyVpcEndpointServicePermissionsAsync(new ModifyVpcEndpointServicePermissionsRequest
        {
            ServiceId = service.ServiceId, AddAllowedPrincipals = [$"arn:aws:iam::{_consumerAccount}:role/app"],
        });
        var endpoint = await ConnectAsync(service.ServiceName);

        var inUse = await Provider.DeleteVpcEndpointServiceConfigurationsAsync(new DeleteVpcEndpointServiceConfigurationsRequest { ServiceIds = [service.ServiceId] });
        Assert.Equal("ExistingVpcEndpointConnections", Assert.Single(inUse.Unsuccessful).Error.Code);
        var balancerInUse = await AwsCli.RunAsync(fixture.Server, _providerAccount, "elbv2", "delete-load-balancer", "--load-balancer-arn", balancer);
        Assert.Contains("(ResourceInUse)", balancerInUse.Stderr);

        await Provider.RejectVpcEndpointConnectionsAsync(new RejectVpcEndpointConnectionsRequest { ServiceId = service.ServiceId, VpcEndpointIds = [endpoint.VpcEndpointId] });
        var rejected = Assert.Single((await Consumer.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [endpoint.VpcEndpointId] })).VpcEndpoints);
        Assert.Equal("rejected", rejected.State.Value, ignoreCase: true);
        var again = await Provider.AcceptVpcEndpointConnectionsAsync(new AcceptVpcEndpointConnectionsRequest { ServiceId = service.ServiceId, VpcEndpointIds = [endpoint.VpcEndpointId] });
        Assert.Single(again.Unsuccessful);

        // Rejected connections do not hold the service.
        var deleted = await Provider.DeleteVpcEndpointServiceConfigurationsAsync(new DeleteVpcEndpointServiceConfigurationsRequest { ServiceIds = [service.ServiceId] });
        Assert.True(deleted.Unsuccessful is null or { Count: 0 });
    }

    [Fact]
    public async Task WithoutAcceptance_TheEndpointIsAvailableAtOnce()
    {
        var (_, service) = await NewServiceAsync(acceptanceRequired: false);
        await Provider.ModifyVpcEndpointServicePermissionsAsync(new ModifyVpcEndpointServicePermissionsRequest
        {
            ServiceId = service.ServiceId, AddAllowedPrincipals = [$"arn:aws:iam::{_consumerAccount}:root"],
        });
        var endpoint = await ConnectAsync(service.ServiceName);
        var described = Assert.Single((await Consumer.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [endpoint.VpcEndpointId] })).VpcEndpoints);
        Assert.Equal("available", described.State.Value, ignoreCase: true);
    }

    [Fact]
    public async Task PrivateDnsName_AppliesToConsumersOnlyOnceVerified()
    {
        var (_, service) = await NewServiceAsync(acceptanceRequired: false, privateDnsName: "api.provider.example");
        var configuration = service.PrivateDnsNameConfiguration;
        Assert.Equal(("pendingVerification", "TXT"), (configuration.State.Value, configuration.Type));
        Assert.Equal($"vpce:{configuration.Name[1..]}", configuration.Value);
        await Provider.ModifyVpcEndpointServicePermissionsAsync(new ModifyVpcEndpointServicePermissionsRequest
        {
            ServiceId = service.ServiceId, AddAllowedPrincipals = [$"arn:aws:iam::{_consumerAccount}:root"],
        });
        var unverified = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ConnectAsync(service.ServiceName, privateDns: true));
        Assert.Equal("InvalidParameter", unverified.ErrorCode);
        var endpoint = await ConnectAsync(service.ServiceName);
        Assert.False(endpoint.PrivateDnsEnabled);

        await Provider.StartVpcEndpointServicePrivateDnsVerificationAsync(new StartVpcEndpointServicePrivateDnsVerificationRequest { ServiceId = service.ServiceId });
        var verified = Assert.Single((await Provider.DescribeVpcEndpointServiceConfigurationsAsync(new DescribeVpcEndpointServiceConfigurationsRequest
        {
            ServiceIds = [service.ServiceId],
        })).ServiceConfigurations);
        Assert.Equal("verified", verified.PrivateDnsNameConfiguration.State.Value);

        await Consumer.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = endpoint.VpcEndpointId, PrivateDnsEnabled = true });
        var withDns = Assert.Single((await Consumer.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [endpoint.VpcEndpointId] })).VpcEndpoints);
        Assert.Equal("api.provider.example", withDns.DnsEntries[^1].DnsName);
    }

    [Fact]
    public async Task ConnectionNotifications_AreRecordedAndDescribed()
    {
        var (_, service) = await NewServiceAsync();
        var notification = (await Provider.CreateVpcEndpointConnectionNotificationAsync(new CreateVpcEndpointConnectionNotificationRequest
        {
            ServiceId = service.ServiceId, ConnectionNotificationArn = $"arn:aws:sns:us-east-1:{_providerAccount}:endpoints",
            ConnectionEvents = ["Connect", "Accept"],
        })).ConnectionNotification;
        Assert.StartsWith("vpce-nfn-", notification.ConnectionNotificationId);
        await Provider.ModifyVpcEndpointConnectionNotificationAsync(new ModifyVpcEndpointConnectionNotificationRequest
        {
            ConnectionNotificationId = notification.ConnectionNotificationId, ConnectionEvents = ["Reject"],
        });
        var described = Assert.Single((await Provider.DescribeVpcEndpointConnectionNotificationsAsync(new DescribeVpcEndpointConnectionNotificationsRequest
        {
            Filters = [new("service-id", [service.ServiceId])],
        })).ConnectionNotificationSet);
        Assert.Equal(["Reject"], described.ConnectionEvents);
        var deleted = await Provider.DeleteVpcEndpointConnectionNotificationsAsync(new DeleteVpcEndpointConnectionNotificationsRequest
        {
            ConnectionNotificationIds = [notification.ConnectionNotificationId, "vpce-nfn-0000000000000000f"],
        });
        Assert.Equal("vpce-nfn-0000000000000000f", Assert.Single(deleted.Unsuccessful).ResourceId);
    }

    [Fact]
    public async Task WholeFlow_WithTheAwsCli_InTwoAccounts()
    {
        async Task<string> As(string account, params string[] args)
        {
            var result = await AwsCli.RunAsync(fixture.Server, account, [.. args, "--output", "text"]);
            Assert.True(result.ExitCode == 0, result.Stderr);
            return result.Stdout.Trim();
        }
        var (_, service) = await NewServiceAsync();
        await As(_providerAccount, "ec2", "modify-vpc-endpoint-service-permissions", "--service-id", service.ServiceId,
            "--add-allowed-principals", $"arn:aws:iam::{_consumerAccount}:root");
        var (vpc, subnet) = await ConsumerSubnetAsync();
        var created = (await As(_consumerAccount, "ec2", "create-vpc-endpoint", "--vpc-id", vpc, "--vpc-endpoint-type", "Interface",
            "--service-name", service.ServiceName, "--subnet-ids", subnet, "--query", "VpcEndpoint.[VpcEndpointId,State]")).Split('\t');
        Assert.Equal("pendingAcceptance", created[1]);
        Assert.Equal($"{created[0]}\tpendingAcceptance", await As(_providerAccount, "ec2", "describe-vpc-endpoint-connections",
            "--filters", $"Name=service-id,Values={service.ServiceId}", "--query", "VpcEndpointConnections[0].[VpcEndpointId,VpcEndpointState]"));
        await As(_providerAccount, "ec2", "accept-vpc-endpoint-connections", "--service-id", service.ServiceId, "--vpc-endpoint-ids", created[0]);
        Assert.Equal("available", await As(_consumerAccount, "ec2", "describe-vpc-endpoints", "--vpc-endpoint-ids", created[0], "--query", "VpcEndpoints[0].State"));
        var stranger = await AwsCli.RunAsync(fixture.Server, ServerFixture.NewAccount(), "ec2", "describe-vpc-endpoint-services", "--service-names", service.ServiceName);
        Assert.Contains("(InvalidServiceName)", stranger.Stderr);
    }
}
