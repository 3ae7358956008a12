using System.Net;
using LocalVpc.Ec2Api;
using LocalVpc.Ec2Api.Model;

namespace LocalVpc.Clients.Tests;

/// <summary>STS on the same port: what Terraform's AWS provider asks first (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html).</summary>
public sealed class StsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task GetCallerIdentity_WithTheAwsCli_IsTheRootOfTheAccessKeysAccount()
    {
        var account = ServerFixture.NewAccount();
        var identity = await AwsCli.TextAsync(fixture.Server, account, "sts", "get-caller-identity", "--query", "[Account,Arn,UserId]");
        Assert.Equal($"{account}\tarn:aws:iam::{account}:root\t{account}", identity);
    }

    [Fact]
    public async Task GetCallerIdentity_RepliesAsTheModelSays_AndUnknownActionsGetStsErrors()
    {
        var reply = await RawEc2.PostAsync(fixture.Server, ServerFixture.NewAccount(), ("Action", "GetCallerIdentity"), ("Version", "2011-06-15"));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(ModelValidator.QueryProblems(ServiceModel.Sts, "GetCallerIdentity", reply.Xml));
        Assert.Empty(StsActionTable.Handlers.Keys.Where(a => !ServiceModel.Sts.Operations.ContainsKey(a)));

        var unknown = await RawEc2.PostAsync(fixture.Server, ServerFixture.NewAccount(), ("Action", "AssumeRole"), ("Version", "2011-06-15"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal("https://sts.amazonaws.com/doc/2011-06-15/", unknown.Xml.Root!.Name.NamespaceName);
    }
}
