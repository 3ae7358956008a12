using System.Collections.Frozen;
using LocalVpc.Ec2Api.Actions;

namespace LocalVpc.Ec2Api;

/// <summary>The one map from an STS <c>Action</c> to its handler. A test compares it with the model.</summary>
public static class StsActionTable
{
    public static FrozenDictionary<string, ApiHandler> Handlers { get; } = new Dictionary<string, ApiHandler>
    {
        ["GetCallerIdentity"] = SecurityTokens.GetCallerIdentity,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
