using System.Collections.Frozen;

namespace LocalVpc.Ec2Api;

/// <summary>One AWS Query API served on the port: its model and its action table.</summary>
public sealed record QueryApi(ServiceModel Model, FrozenDictionary<string, ApiHandler> Handlers)
{
    /// <summary>EC2 (ec2 protocol).</summary>
    public static QueryApi Ec2 { get; } = new(ServiceModel.Ec2, ActionTable.Handlers);

    /// <summary>Elastic Load Balancing v2 (query protocol), for the load balancers behind endpoint services.</summary>
    public static QueryApi Elbv2 { get; } = new(ServiceModel.Elbv2, ElbActionTable.Handlers);

    /// <summary>STS (query protocol): who the caller is, which is how Terraform's AWS provider learns the account.</summary>
    public static QueryApi Sts { get; } = new(ServiceModel.Sts, StsActionTable.Handlers);

    /// <summary>
    /// The API a request is for: the one whose version it names (Elastic Load Balancing 2015-12-01, STS 2011-06-15), or
    /// without a version the service it signs for; else EC2.
    /// </summary>
    public static QueryApi For(string? version, string? signedService) => (version, signedService) switch
    {
        (_, _) when version == Elbv2.Model.ApiVersion => Elbv2,
        (_, _) when version == Sts.Model.ApiVersion => Sts,
        (null, "elasticloadbalancing") => Elbv2,
        (null, "sts") => Sts,
        _ => Ec2,
    };

    /// <summary>The success document in this API's protocol.</summary>
    public XmlDocumentBuffer Success(string action, string requestId, Action<XmlWriter> body) =>
        Model.IsEc2Protocol
            ? XmlResponseWriter.Success(action, requestId, body)
            : XmlResponseWriter.QuerySuccess(action, Model.Operations.GetValueOrDefault(action)?.ResultWrapper, Model.XmlNamespace, requestId, body);

    /// <summary>The error document in this API's protocol.</summary>
    public XmlDocumentBuffer Error(AwsError error, string requestId) =>
        Model.IsEc2Protocol ? XmlResponseWriter.Error(error, requestId) : XmlResponseWriter.QueryError(error, Model.XmlNamespace, requestId);
}
