using Spectre.Console;

namespace LocalVpc.Status;

/// <summary>The status as a tree: colour in a terminal, plain text when piped (Spectre.Console decides).</summary>
internal static class StatusTree
{
    public static void Write(StatusReport report)
    {
        // Piped, a line is not cut at 80 columns: scripts grep whole lines.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 240;
        AnsiConsole.MarkupLine($"LocalVpc at [bold]{report.Api}[/] · internet {report.Internet} · denied connections {report.Deny}{(report.Offline ? " · offline" : "")}");
        AnsiConsole.MarkupLine($"CA: {Markup.Escape(report.CaBundle)}");
        foreach (var (name, url) in report.Services) AnsiConsole.MarkupLine($"service [bold]{name}[/] → {Markup.Escape(url)}");
        foreach (var account in report.Accounts)
            foreach (var region in account.Regions)
            {
                var tree = new Tree($"[bold]account {account.Account}[/] · {region.Region}");
                foreach (var vpc in region.Vpcs)
                {
                    var vpcNode = tree.AddNode($"[bold blue]{vpc.VpcId}[/] {vpc.CidrBlock}{Named(vpc.Name)}{(vpc.IsDefault ? " (default)" : "")}  dns [bold]{vpc.Dns ?? "-"}[/]");
                    foreach (var subnet in vpc.Subnets)
                    {
                        var blocks = string.Join(" ", new[] { subnet.CidrBlock, subnet.Ipv6CidrBlock }.OfType<string>());
                        var subnetNode = vpcNode.AddNode($"[blue]{subnet.SubnetId}[/] {blocks} {subnet.AvailabilityZone}{Named(subnet.Name)}");
                        foreach (var eni in subnet.NetworkInterfaces)
                            subnetNode.AddNode($"[bold]{string.Join(" ", new[] { eni.PrivateIpAddress }.Concat(eni.Ipv6Addresses ?? []).OfType<string>())}[/] {eni.NetworkInterfaceId} {Kind(eni)}{(eni.PublicIp is null ? "" : $" public {eni.PublicIp}")}" +
                                               $" [grey]{string.Join(", ", eni.Groups)}[/]{(eni.Proxy is null ? "" : $"  proxy [bold]{eni.Proxy}[/]")}");
                    }
                    foreach (var endpoint in vpc.VpcEndpoints)
                    {
                        var endpointNode = vpcNode.AddNode($"[magenta]{endpoint.VpcEndpointId}[/] {endpoint.Type} {endpoint.ServiceName} {State(endpoint.State)}{(endpoint.PrivateDnsEnabled ? " private DNS" : "")}");
                        foreach (var name in endpoint.DnsNames) endpointNode.AddNode(Markup.Escape(name));
                    }
                }
                foreach (var service in region.EndpointServices)
                    tree.AddNode($"[magenta]{service.ServiceId}[/] {service.ServiceName}{(service.AcceptanceRequired ? " (acceptance required)" : "")}");
                AnsiConsole.Write(tree);
            }
    }

    private static string Kind(InterfaceStatus eni) => eni.Kind switch
    {
        "instance" => $"instance [green]{eni.Owner}[/] {State(eni.State)}",
        "vpc-endpoint" => $"endpoint [magenta]{eni.Owner}[/] {State(eni.State)}",
        "interface" => "interface",
        _ => $"{eni.Kind} {eni.Owner}{(eni.State is null ? "" : $" {State(eni.State)}")}",
    };

    private static string State(string? state) => state switch
    {
        null => "",
        "running" or "available" => $"[green]({state})[/]",
        "pendingAcceptance" or "pending" => $"[yellow]({state})[/]",
        _ => $"[red]({state})[/]",
    };

    private static string Named(string? name) => name is null ? "" : $" \"{Markup.Escape(name)}\"";
}
