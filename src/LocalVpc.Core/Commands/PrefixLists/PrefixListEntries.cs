using System.Net;

namespace LocalVpc.Core.Commands.PrefixLists;

/// <summary>What a list's entries must be: blocks of its family, each once, no more than its maximum.</summary>
internal static class PrefixListEntries
{
    public static AwsError? Check(string family, int maxEntries, IReadOnlyCollection<PrefixListEntry> entries)
    {
        foreach (var entry in entries)
        {
            var valid = family == ManagedPrefixList.Ipv4
                ? Ipv4Cidr.TryParse(entry.Cidr, out _)
                : IPNetwork.TryParse(entry.Cidr, out var v6) && v6.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
            if (!valid) return Ec2Errors.InvalidParameterValue($"The CIDR {entry.Cidr} is not a valid {family} block.");
            if (entry.Description is { Length: > 255 }) return Ec2Errors.InvalidParameterValue("The description of an entry is at most 255 characters.");
        }
        var duplicate = entries.GroupBy(e => e.Cidr).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) return Ec2Errors.InvalidParameterValue($"The CIDR {duplicate.Key} is given more than once.");
        if (entries.Count > maxEntries)
            return new AwsError("PrefixListMaxEntriesExceeded", $"The prefix list would have {entries.Count} entries, more than its maximum of {maxEntries}.");
        return null;
    }

    public static AwsError? CheckMaxEntries(int? maxEntries) =>
        maxEntries is < 1 or > ManagedPrefixList.EntriesQuota
            ? Ec2Errors.InvalidParameterValueRange("MaxEntries", maxEntries.ToString()!, 1, ManagedPrefixList.EntriesQuota)
            : null;
}
