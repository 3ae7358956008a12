using LocalVpc.Core.Commands.Peering;

namespace LocalVpc.Ec2Api.Actions;

/// <summary>VPC peering connections, across the accounts of a region.</summary>
public static class PeeringConnections
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcPeeringConnections.html.</summary>
    public static readonly FilterTable<VpcPeeringConnection> Filters = new(new()
    {
        ["accepter-vpc-info.cidr-block"] = (p, _) => p.IsActive ? p.Accepter.CidrBlocks : [],
        ["accepter-vpc-info.owner-id"] = (p, _) => [p.Accepter.OwnerId],
        ["accepter-vpc-info.vpc-id"] = (p, _) => [p.Accepter.VpcId],
        ["expiration-time"] = (p, _) => [p.ExpiresAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture)],
        ["requester-vpc-info.cidr-block"] = (p, _) => p.Requester.CidrBlocks,
        ["requester-vpc-info.owner-id"] = (p, _) => [p.Requester.OwnerId],
        ["requester-vpc-info.vpc-id"] = (p, _) => [p.Requester.VpcId],
        ["status-code"] = (p, _) => [p.StatusCode],
        ["status-message"] = (p, _) => [p.StatusMessage],
        ["vpc-peering-connection-id"] = (p, _) => [p.Id],
    }, p => p.Id);

    public static async Task<ApiReply> Create(ApiCall call)
    {
        var input = call.Input;
        var outcome = await call.ExecuteAsync(new CreateVpcPeeringConnection(input.String("VpcId"), input.String("PeerVpcId"),
            input.String("PeerOwnerId"), input.String("PeerRegion"), Binding.TagSpecifications(input)));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        var peering = state.Table(ResourceKinds.VpcPeeringConnection)[outcome.Value!];
        // The request answers while it is still on its way, as AWS's does; describing it shows where it landed.
        (string, string)? initiating = peering.StatusCode == VpcPeeringConnection.PendingAcceptance
            ? ("initiating-request", $"Initiating Request to {peering.Accepter.OwnerId}")
            : null;
        return ApiReply.Ok(w => w.Structure("vpcPeeringConnection", w => VpcPeeringConnectionXml.VpcPeeringConnection(w, peering, state, initiating)));
    }

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        var table = state.Table(ResourceKinds.VpcPeeringConnection);
        if (Query.Run(call, state, table.Values, p => p.Id, "VpcPeeringConnectionIds",
                (string id, out VpcPeeringConnection p) => ResourceKinds.VpcPeeringConnection.Find(state, id, out p), Filters, out var page, out var next) is { } error)
            return error;
        return ApiReply.Ok(w =>
        {
            w.List("vpcPeeringConnectionSet", page, (w, p) => VpcPeeringConnectionXml.VpcPeeringConnection(w, p, state));
            w.Element("nextToken", next);
        });
    }

    public static async Task<ApiReply> Accept(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new AnswerVpcPeeringConnection(call.Input.String("VpcPeeringConnectionId"), Accept: true));
        if (outcome.Failed) return outcome.Error!;
        var state = outcome.State!;
        return ApiReply.Ok(w => w.Structure("vpcPeeringConnection", w =>
            VpcPeeringConnectionXml.VpcPeeringConnection(w, state.Table(ResourceKinds.VpcPeeringConnection)[outcome.Value!], state)));
    }

    public static async Task<ApiReply> Reject(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new AnswerVpcPeeringConnection(call.Input.String("VpcPeeringConnectionId"), Accept: false));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> Delete(ApiCall call)
    {
        var outcome = await call.ExecuteAsync(new DeleteVpcPeeringConnection(call.Input.String("VpcPeeringConnectionId")));
        return outcome.Failed ? outcome.Error! : ApiReply.True;
    }

    public static async Task<ApiReply> ModifyOptions(ApiCall call)
    {
        var input = call.Input;
        var accepter = input.Struct("AccepterPeeringConnectionOptions");
        var requester = input.Struct("RequesterPeeringConnectionOptions");
        var outcome = await call.ExecuteAsync(new ModifyVpcPeeringConnectionOptions(input.String("VpcPeeringConnectionId"),
            accepter?.Bool("AllowDnsResolutionFromRemoteVpc"), requester?.Bool("AllowDnsResolutionFromRemoteVpc")));
        if (outcome.Failed) return outcome.Error!;
        var peering = outcome.Value!;
        return ApiReply.Ok(w =>
        {
            if (accepter is not null) w.Structure("accepterPeeringConnectionOptions", w => VpcPeeringConnectionXml.Options(w, peering.Accepter));
            if (requester is not null) w.Structure("requesterPeeringConnectionOptions", w => VpcPeeringConnectionXml.Options(w, peering.Requester));
        });
    }
}
