namespace LocalVpc.Core.Commands.Vpcs;

/// <summary>CreateDefaultVpc: recreates the default VPC after it was deleted.</summary>
public sealed record CreateDefaultVpc : ICommand<string>
{
    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (state.DefaultVpc is not null) return Ec2Errors.DefaultVpcAlreadyExists();
        var events = VpcLayout.NewDefaultVpc(state, context);
        return Decision.Of(((ResourcePut)events[0]).Resource.Id, events);
    }
}
