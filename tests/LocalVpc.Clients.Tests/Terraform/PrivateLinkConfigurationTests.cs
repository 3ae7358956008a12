namespace LocalVpc.Clients.Tests.Terraform;

/// <summary><c>Configurations/privatelink</c>: the seed's story across two accounts, with acceptance and an analysis.</summary>
public sealed class PrivateLinkConfigurationTests(ServerFixture fixture) : TerraformConfigurationTests(fixture), IClassFixture<ServerFixture>
{
    protected override string Configuration => "privatelink";

    protected override IEnumerable<string> AccountVariables => ["account", "provider_account"];

    protected override async Task CheckAppliedAsync(TerraformCli terraform, IReadOnlyDictionary<string, string> accounts)
    {
        var consumer = Sdk.Ec2(Server, accounts["account"]);
        var provider = Sdk.Ec2(Server, accounts["provider_account"]);
        var service = Assert.Single((await provider.DescribeVpcEndpointServiceConfigurationsAsync(new DescribeVpcEndpointServiceConfigurationsRequest()))
            .ServiceConfigurations);
        var endpoint = Assert.Single((await consumer.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest())).VpcEndpoints,
            e => e.ServiceName == service.ServiceName);
        Assert.Equal(State.Available, endpoint.State); // accepted by aws_vpc_endpoint_connection_accepter
        Assert.Equal(["endpoint"], endpoint.Groups.Select(g => g.GroupName)); // the association replaced the default group
        var volumes = (await consumer.DescribeVolumesAsync(new DescribeVolumesRequest())).Volumes;
        Assert.Equal([("/dev/sdf", 20), ("/dev/xvda", 16)], volumes.Select(v => (v.Attachments[0].Device, v.Size ?? 0)).Order());
        Assert.All(volumes, v => Assert.Contains(v.Tags, t => t.Key == "Project")); // default_tags reach the volumes
        var notification = Assert.Single((await provider.DescribeVpcEndpointConnectionNotificationsAsync(
            new DescribeVpcEndpointConnectionNotificationsRequest())).ConnectionNotificationSet);
        Assert.Equal(["Accept", "Reject"], notification.ConnectionEvents.Order());
        var principals = (await provider.DescribeVpcEndpointServicePermissionsAsync(new DescribeVpcEndpointServicePermissionsRequest
        {
            ServiceId = service.ServiceId,
        })).AllowedPrincipals;
        Assert.Equal($"arn:aws:iam::{accounts["account"]}:root", Assert.Single(principals).Principal);
        var found = await terraform.RunAsync("output", "-raw", "path_found");
        Assert.Equal("true", found.Output.Trim());
    }
}
