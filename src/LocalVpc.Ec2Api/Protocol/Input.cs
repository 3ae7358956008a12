using System.Globalization;

namespace LocalVpc.Ec2Api.Protocol;

/// <summary>
/// A request structure after <see cref="InputReader"/> checked it against the model. Members are read by
/// their model names (<c>SubnetIds</c>), never by wire names; scalars were already checked for their type.
/// </summary>
public sealed class Input
{
    private readonly Dictionary<string, object> _members = new(StringComparer.Ordinal);

    internal void Set(string member, object value) => _members[member] = value;

    public bool Has(string member) => _members.ContainsKey(member);

    public string? String(string member) => _members.GetValueOrDefault(member) as string;

    public int? Int(string member) => String(member) is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : null;

    public long? Long(string member) => String(member) is { } s ? long.Parse(s, CultureInfo.InvariantCulture) : null;

    public bool? Bool(string member) => String(member) is { } s ? bool.Parse(s) : null;

    /// <summary>A timestamp member, read as <see cref="InputReader"/> checked it (a time without a zone is UTC).</summary>
    public DateTimeOffset? Timestamp(string member) =>
        String(member) is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

    public Input? Struct(string member) => _members.GetValueOrDefault(member) as Input;

    public IReadOnlyList<Input> Structs(string member) =>
        _members.GetValueOrDefault(member) is List<object> list ? list.OfType<Input>().ToList() : [];

    public ImmutableArray<string> Strings(string member) =>
        _members.GetValueOrDefault(member) is List<object> list ? [.. list.OfType<string>()] : [];

    /// <summary>An <c>AttributeBooleanValue</c> member (<c>EnableDnsSupport.Value=true</c>).</summary>
    public bool? AttributeBool(string member) => Struct(member)?.Bool("Value");
}
