using LocalVpc.Core.Commands.Subnets;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>CreateSubnet, DescribeSubnets, DeleteSubnet, ModifySubnetAttribute, and the subnet's IPv6 block.</summary>
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
        ["ipv6-native"] = (s, _) => [Binding.Text(s.Ipv6Native)],
        ["assign-ipv6-address-on-creation"] = (s, _) => [Binding.Text(s.AssignIpv6AddressOnCreation)],
        ["ipv6-cidr-block-association.ipv6-cidr-block"] = (s, _) => Ipv6Association(s, a => a.Ipv6CidrBlock),
        ["ipv6-cidr-block-association.association-id"] = (s, _) => Ipv6Association(s, a => a.AssociationId),
        ["ipv6-cidr-block-association.state"] = (s, _) => Ipv6Association(s, _ => "associated"),
        ["map-customer-owned-ip-on-launch"] = (_, _) => ["false"],
        ["map-public-ip-on-launch"] = (s, _) => [Binding.Text(s.MapPublicIpOnLaunch)],
        ["owner-id"] = (s, _) => [s.OwnerId],
        ["private-dns-name-options-on-launch.hostname-type"] = (s, _) => [s.HostnameTypeOnLaunch],
        ["state"] = (s, _) => [s.State],
        ["subnet-arn"] = (s, state) => [s.Arn(state.Scope.Region)],
        ["subnet-id"] = (s, _) => [s.Id],
        ["vpc-id"] = (s, _) => [s.VpcId],
    }, s => s.Id, idFilter: "subnet-id");

    private static IEnumerable<string> Ipv6Association(Subnet subnet, Func<SubnetIpv6CidrAssociation, string> value) =>
        subnet.Ipv6CidrAssociation is { } association ? [value(association)] : [];

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("Ipv4IpamPoolId") || input.Has("Ipv6IpamPoolId"))
            return Ec2Errors.InvalidParameterValue("LocalVpc has no IPAM pools: give CidrBlock and Ipv6CidrBlock.");
        var outcome = await call.ExecuteAsync(new CreateSubnet(input.String("VpcId"), input.String("CidrBlock"),
            input.String("AvailabilityZone"), input.String("AvailabilityZoneId"), Binding.TagSpecifications(input), input.String("Ipv6CidrBlock"),
            input.Bool("Ipv6Native") ?? false));
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

    public static async Task<ApiReply> AssociateCidrBlock(ApiCall call)
    {
        var input = call.Input;
        if (input.Has("Ipv6IpamPoolId")) return Ec2Errors.InvalidParameterValue("LocalVpc has no IPAM pools: give ipv6CidrBlock.");
        var outcome = await call.ExecuteAsync(new AssociateSubnetCidrBlock(input.String("SubnetId")!, input.String("Ipv6CidrBlock")));
        if (outcome.Failed) return outcome.Error!;
        return ApiReply.Ok(w =>
        {
            w.Element("subnetId", input.String("SubnetId"));
            w.Structure("ipv6CidrBlockAssociation", w => SubnetXml.Ipv6CidrBlockAssociation(w, outcome.Value!, "associating"));
        });
    }

    public static async Task<ApiReply> DisassociateCidrBlock(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DisassociateSubnetCidrBlock(call.Input.String("AssociationId")!));
        if (outcome.Failed) return outcome.Error!;
        var (subnet, association) = outcome.Value;
        return ApiReply.Ok(w =>
        {
            w.Element("subnetId", subnet.Id);
            w.Structure("ipv6CidrBlockAssociation", w => SubnetXml.Ipv6CidrBlockAssociation(w, association, "disassociating"));
        });
    }
}
