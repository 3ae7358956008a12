namespace LocalVpc.Core.Commands.EndpointServices;

/// <summary>ModifyVpcEndpointServicePermissions: principals are IAM ARNs (<c>arn:aws:iam::{account}:root</c>, roles, users) or <c>*</c>.</summary>
public sealed record ModifyServicePermissions(string ServiceId, ImmutableArray<string> Add, ImmutableArray<string> Remove)
    : ICommand<ImmutableArray<ServicePermission>>
{
    public Decision<ImmutableArray<ServicePermission>> Decide(AccountState state, CommandContext context)
    {
        if (ResourceKinds.EndpointService.Find(state, ServiceId, out var configuration) is { } error) return error;
        if (Add.FirstOrDefault(p => p != "*" && !System.Text.RegularExpressions.Regex.IsMatch(p, @"^arn:aws:iam::\d{12}:(root|role/.+|user/.+)$")) is { } bad)
            return Ec2Errors.InvalidParameterValue($"The principal '{bad}' is not a valid IAM ARN or '*'.");
        var permissions = configuration.Permissions.RemoveAll(p => Remove.Contains(p.Principal));
        var added = ImmutableArray.CreateBuilder<ServicePermission>();
        foreach (var principal in Add.Distinct().Where(p => permissions.All(existing => existing.Principal != p)))
            added.Add(new ServicePermission(context.Ids.Next(IdPrefix.ServicePermission), principal));
        var result = added.ToImmutable();
        return Decision.Of(result, new ResourcePut(configuration with { Permissions = permissions.AddRange(result) }));
    }
}
