namespace LocalVpc.Core.Commands;

/// <summary>
/// What a command decided: either an AWS error, or the events to apply and the value to answer with. A command
/// acts in its caller's account (<see cref="Events"/>); one that answers across accounts names the other accounts'
/// events in <see cref="Elsewhere"/>, and all of them are written and published together.
/// </summary>
public readonly record struct Decision<T>(AwsError? Error, ImmutableArray<Event> Events, T? Value, ImmutableArray<AccountEvents> Elsewhere = default)
{
    public static implicit operator Decision<T>(AwsError error) => new(error, [], default);

    public bool Failed => Error is not null;

    /// <summary>Whether there is nothing to write anywhere.</summary>
    public bool ChangesNothing => Events.IsEmpty && (Elsewhere.IsDefaultOrEmpty || Elsewhere.All(e => e.Events.IsEmpty));
}

/// <summary>Helpers for building decisions.</summary>
public static class Decision
{
    public static Decision<T> Of<T>(T value, params IEnumerable<Event> events) => new(null, [.. events], value);

    /// <summary>A decision whose events land in several accounts of the region.</summary>
    public static Decision<T> Across<T>(T value, ImmutableArray<Event> own, IEnumerable<AccountEvents> elsewhere) =>
        new(null, own, value, [.. elsewhere]);
}
