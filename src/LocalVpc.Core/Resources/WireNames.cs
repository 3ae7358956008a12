using System.Reflection;
using System.Text.Json.Serialization;

namespace LocalVpc.Core.Resources;

/// <summary>
/// The wire name of each value of an enum, read from its <see cref="JsonStringEnumMemberNameAttribute"/>: the one place
/// the name is written, for the log's JSON and for the API alike.
/// </summary>
public static class WireNames<T> where T : struct, Enum
{
    private static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v,
        v => typeof(T).GetField(v.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? v.ToString());

    public static string Of(T value) => Names[value];
}
