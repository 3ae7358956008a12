using Amazon.EC2;
using Amazon.Runtime;

namespace LocalVpc.Clients.Tests.Infrastructure;

/// <summary>The real AWS SDK for .NET, pointed at a LocalVpc server.</summary>
public static class Sdk
{
    public static AmazonEC2Client Ec2(LocalVpcServer server, string account, string region = "us-east-1") =>
        new(new BasicAWSCredentials(account, "test-secret"), new AmazonEC2Config
        {
            ServiceURL = server.Url,
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });
}
