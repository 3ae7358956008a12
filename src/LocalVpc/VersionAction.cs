using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using LocalVpc.Ec2Api.Model;

namespace LocalVpc;

/// <summary><c>localvpc --version</c>: LocalVpc's version, and the EC2 and ELBv2 API versions it serves with their botocore models.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var version = typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        parseResult.InvocationConfiguration.Output.WriteLine(
            $"localvpc {version} · EC2 API {ServiceModel.Ec2.ApiVersion} (botocore {ServiceModel.Ec2.BotocoreVersion}) · " +
            $"Elastic Load Balancing {ServiceModel.Elbv2.ApiVersion} (botocore {ServiceModel.Elbv2.BotocoreVersion})");
        return 0;
    }
}
