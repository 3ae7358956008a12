using System.Globalization;
using System.Net;

namespace LocalVpc.Core.Commands.DhcpOptionSets;

/// <summary>
/// CreateDhcpOptions (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateDhcpOptions.html): the options
/// AWS knows, each once, with up to four servers per list, a NetBIOS node type of 1, 2, 4 or 8, and an IPv6 lease time
/// of 140 seconds or more.
/// </summary>
public sealed record CreateDhcpOptions(ImmutableArray<DhcpConfiguration> Configurations, ImmutableArray<TagSpecification> TagSpecifications)
    : ICommand<string>
{
    private const int MaxServers = 4;

    public Decision<string> Decide(AccountState state, CommandContext context)
    {
        if (Configurations.IsEmpty) return Ec2Errors.MissingParameter("DhcpConfiguration");
        foreach (var configuration in Configurations)
            if (Check(configuration) is { } error) return error;
        var duplicate = Configurations.GroupBy(c => c.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) return Ec2Errors.InvalidParameterValue($"Duplicate DHCP option {duplicate.Key}");

        var options = new DhcpOptions(context.Ids.Next(IdPrefix.DhcpOptions), state.Scope.Account, Configurations);
        if (TagRules.ForNewResource(TagSpecifications, "dhcp-options", options.Id, out var tags) is { } tagError) return tagError;
        List<Event> events = [new ResourcePut(options)];
        if (tags is not null) events.Add(tags);
        return Decision.Of(options.Id, events);
    }

    private static AwsError? Check(DhcpConfiguration c)
    {
        if (c.Values.IsEmpty) return Ec2Errors.InvalidParameterValue($"Value for DHCP option {c.Key} is missing");
        return c.Key switch
        {
            DhcpConfiguration.DomainName => c.Values.Length > 1 ? Invalid(c) : null,
            DhcpConfiguration.DomainNameServers => Servers(c, allowAmazon: true),
            DhcpConfiguration.NtpServers or DhcpConfiguration.NetbiosNameServers => Servers(c, allowAmazon: false),
            DhcpConfiguration.NetbiosNodeType => c.Values is ["1" or "2" or "4" or "8"] ? null : Invalid(c),
            DhcpConfiguration.Ipv6AddressPreferredLeaseTime =>
                c.Values is [var v] && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 140 and <= int.MaxValue
                    ? null : Invalid(c),
            _ => Ec2Errors.InvalidParameterValue($"Value ({c.Key}) for parameter name is invalid. Unknown DHCP option"),
        };
    }

    private static AwsError? Servers(DhcpConfiguration c, bool allowAmazon)
    {
        if (c.Values.Length > MaxServers) return Invalid(c);
        foreach (var value in c.Values)
            if (!(allowAmazon && value == DhcpOptions.AmazonProvidedDns) && !IPAddress.TryParse(value, out _)) return Invalid(c);
        return null;
    }

    private static AwsError Invalid(DhcpConfiguration c) =>
        Ec2Errors.InvalidParameterValue($"Value ({string.Join(",", c.Values)}) for parameter value is invalid. Invalid value for DHCP option {c.Key}");
}
