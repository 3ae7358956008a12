namespace LocalVpc.Core.Commands;

/// <summary>What a command decided: either an AWS error, or the events to apply and the value to answer with.</summary>
public readonly record struct Decision<T>(Ec2Error? Error, ImmutableArray<Event> Events, T? Value)
{
    public static implicit operator Decision<T>(Ec2Error error) => new(error, [], default);

    public bool Failed => Error is not null;
}

/// <summary>Helpers for building decisions.</summary>
public static class Decision
{
    public static Decision<T> Of<T>(T value, params IEnumerable<Event> events) => new(null, [.. events], value);
}
