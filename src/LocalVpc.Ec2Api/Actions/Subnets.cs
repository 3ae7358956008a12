using LocalVpc.Core.Commands.Subnets;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>CreateSubnet, DescribeSubnets, DeleteSubnet, ModifySubnetAttribute.</summary>
public static class Subnets
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSubnets.html.</summary>
    public static readonly FilterTable<Subnet> Filters = new(new()
    {
        ["availability-zone"] = (s, _) => [s.AvailabilityZone],
        ["availability-zone-id"] = (s, _) => [s.AvailabilityZoneId],
        // The older name, which AWS still accepts and Terraform's aws_subnet data source sends.
        ["availabilityZone"] = (s, _) => [s.AvailabilityZone],
        ["available-ip-address-count"] = (s, state) => [state.AvailableIpAddressCount(s).ToString()],
        ["cidr-block"] = (s, _) => [s.CidrBlock],
        ["cidr"] = (s, _) => [s.CidrBlock],
        ["cidrBlock"] = (s, _) => [s.CidrBlock],
        ["default-for-az"] = (s, _) => [Binding.Text(s.DefaultForAz)],
        ["defaultForAz"] = (s, _) => [Binding.Text(s.DefaultForAz)],
        ["enable-dns64"] = (s, _) => [Binding.Text(s.EnableDns64)],
        ["ipv6-native"] = (_, _) => ["false"],
        ["ipv6-cidr-block-association.ipv6-cidr-block"] = (_, _) => [],
        ["ipv6-cidr-block-association.association-id"] = (_, _) => [],
        ["ipv6-cidr-block-association.state"] = (_, _) => [],
        ["map-customer-owned-ip-on-launch"] = (_, _) => ["false"],
        ["map-public-ip-on-launch"] = (s, _) => [Binding.Text(s.MapPublicIpOnLaunch)],
        ["owner-id"] = (s, _) => [s.OwnerId],
        ["private-dns-name-options-on-launch.hostname-type"] = (s, _) => [s.HostnameTypeOnLaunch],
        ["state"] = (s, _) => [s.State],
        ["subnet-arn"] = (s, state) => [s.Arn(state.Scope.Region)],
        ["subnet-id"] = (s, _) => [s.Id],
        ["vpc-id"] = (s, _) => [s.VpcId],
    }, s => s.Id);

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("Ipv6CidrBlock") || input.Bool("Ipv6Native") == true || input.Has("Ipv4IpamPoolId"))
            return Ec2Errors.InvalidParameterValue("LocalVpc supports IPv4 subnets given as CidrBlock only.");
        var outcome = await call.ExecuteAsync(new CreateSubnet(input.String("VpcId"), input.String("CidrBlock"),
            input.String("AvailabilityZone"), input.String("AvailabilityZoneId"), Binding.TagSpecifications(input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w => w.Structure("subnet", w => SubnetXml.Subnet(w, state.Subnets[outcome.Value!], state)));
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (Query.Run(call, state, state.Subnets.Values, s => s.Id, "SubnetIds", (string id, out Subnet s) => ResourceKinds.Subnet.Find(state, id, out s),
                Filters, out var page, out var next) is { } error) return error;
        return ApiReply.Ok(w =>
        {
            w.List("subnetSet", page, (w, s) => SubnetXml.Subnet(w, s, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteSubnet(call.Input.String("SubnetId")!));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> ModifyAttribute(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("CustomerOwnedIpv4Pool") || input.Has("MapCustomerOwnedIpOnLaunch") || input.Has("EnableLniAtDeviceIndex") || input.Has("DisableLniAtDeviceIndex"))
            return Ec2Errors.InvalidParameterValue("Customer-owned addresses and local network interfaces belong to AWS Outposts, which LocalVpc does not run.");
        var change = new SubnetAttributeChange(input.AttributeBool("MapPublicIpOnLaunch"), input.AttributeBool("AssignIpv6AddressOnCreation"),
            input.AttributeBool("EnableDns64"), input.String("PrivateDnsHostnameTypeOnLaunch"), input.AttributeBool("EnableResourceNameDnsARecordOnLaunch"),
            input.AttributeBool("EnableResourceNameDnsAAAARecordOnLaunch"));
        var outcome = await call.ExecuteAsync(new ModifySubnetAttribute(input.String("SubnetId")!, change));
        return outcome.Failed ? outcome.Error! : ApiReply.Ok(_ => { }); // no output shape
    }
}
