namespace LocalVpc.Core.Commands;

/// <summary>What a command may use besides the state: the id source and the clock. Nothing else reaches Core.</summary>
public sealed record CommandContext(IIdSource Ids, TimeProvider Time);
