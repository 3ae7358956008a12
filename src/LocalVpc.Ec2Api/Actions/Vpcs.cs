using LocalVpc.Core.Commands.Vpcs;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>CreateVpc, DescribeVpcs, DeleteVpc, their attributes and CIDR blocks, CreateDefaultVpc.</summary>
public static class Vpcs
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcs.html.</summary>
    public static readonly FilterTable<Vpc> Filters = new(new()
    {
        ["cidr"] = (v, _) => [v.CidrBlock],
        ["cidr-block-association.cidr-block"] = (v, _) => v.CidrAssociations.Select(a => a.CidrBlock),
        ["cidr-block-association.association-id"] = (v, _) => v.CidrAssociations.Select(a => a.AssociationId),
        ["cidr-block-association.state"] = (v, _) => v.CidrAssociations.Select(_ => "associated"),
        ["dhcp-options-id"] = (v, _) => [v.DhcpOptionsId],
        ["ipv6-cidr-block-association.ipv6-cidr-block"] = (v, _) => v.Ipv6CidrAssociations.Select(a => a.Ipv6CidrBlock),
        ["ipv6-cidr-block-association.ipv6-pool"] = (v, _) => v.Ipv6CidrAssociations.Select(a => a.Ipv6Pool),
        ["ipv6-cidr-block-association.association-id"] = (v, _) => v.Ipv6CidrAssociations.Select(a => a.AssociationId),
        ["ipv6-cidr-block-association.state"] = (v, _) => v.Ipv6CidrAssociations.Select(_ => "associated"),
        ["is-default"] = (v, _) => [Binding.Text(v.IsDefault)],
        // The older name, which AWS still accepts and Terraform's aws_vpc data source sends.
        ["isDefault"] = (v, _) => [Binding.Text(v.IsDefault)],
        ["owner-id"] = (v, _) => [v.OwnerId],
        ["state"] = (v, _) => [v.State],
        ["vpc-id"] = (v, _) => [v.Id],
    }, v => v.Id, idFilter: "vpc-id");

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var input = call.Input;
        if (input.String("Ipv4IpamPoolId") is { } ipam)
            return Ec2Errors.InvalidParameterValue($"The IPAM pool '{ipam}' does not exist. LocalVpc has no IPAM pools: give cidrBlock.");
        var outcome = await call.ExecuteAsync(new CreateVpc(input.String("CidrBlock"), input.String("InstanceTenancy"),
            Binding.TagSpecifications(input), Ipv6Request(input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w => w.Structure("vpc", w => VpcXml.Vpc(w, state.Vpcs[outcome.Value!], state)));
    }

    public static async Task<ApiReply> CreateDefault(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new CreateDefaultVpc());
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w => w.Structure("vpc", w => VpcXml.Vpc(w, state.Vpcs[outcome.Value!], state)));
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (Query.Run(call, state, state.Vpcs.Values, v => v.Id, "VpcIds", (string id, out Vpc v) => ResourceKinds.Vpc.Find(state, id, out v), Filters,
                out var page, out var next) is { } error) return error;
        return ApiReply.Ok(w =>
        {
            w.List("vpcSet", page, (w, v) => VpcXml.Vpc(w, v, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteVpc(call.Input.String("VpcId")!));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> ModifyAttribute(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new ModifyVpcAttribute(input.String("VpcId")!,
            input.AttributeBool("EnableDnsSupport"), input.AttributeBool("EnableDnsHostnames"),
            input.AttributeBool("EnableNetworkAddressUsageMetrics")));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> DescribeAttribute(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (ResourceKinds.Vpc.Find(state, call.Input.String("VpcId")!, out var vpc) is { } error) return error;
        var attribute = call.Input.String("Attribute")!;
        var value = attribute switch
        {
            "enableDnsSupport" => vpc.EnableDnsSupport,
            "enableDnsHostnames" => vpc.EnableDnsHostnames,
            _ => vpc.EnableNetworkAddressUsageMetrics,
        };
        return ApiReply.Ok(w =>
        {
            w.Element("vpcId", vpc.Id);
            w.Structure(attribute, w => w.Element("value", value));
        });
    }

    public static async Task<ApiReply> AssociateCidrBlock(ApiCall call)
    {
        var input = call.Input;
        if (input.String("Ipv4IpamPoolId") is { } ipam)
            return Ec2Errors.InvalidParameterValue($"The IPAM pool '{ipam}' does not exist. LocalVpc has no IPAM pools: give cidrBlock.");
        var outcome = await call.ExecuteAsync(new AssociateVpcCidrBlock(input.String("VpcId")!, input.String("CidrBlock"), Ipv6Request(input)));
        if (outcome.Failed) return outcome.Error!;
        var (ipv4, ipv6) = outcome.Value;
        return ApiReply.Ok(w =>
        {
            w.Element("vpcId", input.String("VpcId"));
            if (ipv4 is not null) w.Structure("cidrBlockAssociation", w => VpcXml.CidrBlockAssociation(w, ipv4));
            if (ipv6 is not null) w.Structure("ipv6CidrBlockAssociation", w => VpcXml.Ipv6CidrBlockAssociation(w, ipv6, "associating"));
        });
    }

    public static async Task<ApiReply> DisassociateCidrBlock(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DisassociateVpcCidrBlock(call.Input.String("AssociationId")!));
        if (outcome.Failed) return outcome.Error!;
        var (vpc, ipv4, ipv6) = outcome.Value;
        return ApiReply.Ok(w =>
        {
            w.Element("vpcId", vpc.Id);
            if (ipv4 is not null) w.Structure("cidrBlockAssociation", w => VpcXml.CidrBlockAssociation(w, ipv4, "disassociating"));
            if (ipv6 is not null) w.Structure("ipv6CidrBlockAssociation", w => VpcXml.Ipv6CidrBlockAssociation(w, ipv6, "disassociating"));
        });
    }

    /// <summary>The IPv6 block CreateVpc or AssociateVpcCidrBlock asks for, as the request states it.</summary>
    private static Ipv6BlockRequest Ipv6Request(Input input) => new(input.Bool("AmazonProvidedIpv6CidrBlock") == true,
        input.String("Ipv6CidrBlock"), input.String("Ipv6Pool"), input.String("Ipv6CidrBlockNetworkBorderGroup"), input.String("Ipv6IpamPoolId"));
}
