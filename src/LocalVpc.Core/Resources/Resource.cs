namespace LocalVpc.Core.Resources;

/// <summary>
/// A resource in a region. Resources are immutable and refer to each other by id only. Each kind is listed in
/// <see cref="State.ResourceKinds"/>, which also names it in the log.
/// </summary>
public abstract record Resource(string Id);
