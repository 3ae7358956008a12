namespace LocalVpc.Status;

/// <summary>The status as an indented tree of plain text.</summary>
internal static class StatusTree
{
    public static void Write(StatusReport report, TextWriter output)
    {
        output.WriteLine($"LocalVpc at {report.Api} · internet {report.Internet} · denied connections {report.Deny}{(report.Offline ? " · offline" : "")}");
        output.WriteLine($"CA: {report.CaBundle}");
        foreach (var (name, url) in report.Services) output.WriteLine($"service {name} → {url}");
        foreach (var account in report.Accounts)
            foreach (var region in account.Regions)
            {
                output.WriteLine($"account {account.Account} · {region.Region}");
                foreach (var vpc in region.Vpcs)
                {
                    output.WriteLine($"  {vpc.VpcId} {vpc.CidrBlock}{Named(vpc.Name)}{(vpc.IsDefault ? " (default)" : "")}  dns {vpc.Dns ?? "-"}");
                    foreach (var subnet in vpc.Subnets)
                    {
                        output.WriteLine($"    {subnet.SubnetId} {subnet.CidrBlock} {subnet.AvailabilityZone}{Named(subnet.Name)}");
                        foreach (var eni in subnet.NetworkInterfaces)
                            output.WriteLine($"      {eni.PrivateIpAddress,-15} {eni.NetworkInterfaceId} {eni.Kind} {eni.Owner}{(eni.State is null ? "" : $" ({eni.State})")}" +
                                             $"{(eni.PublicIp is null ? "" : $" public {eni.PublicIp}")} [{string.Join(", ", eni.Groups)}]{(eni.Proxy is null ? "" : $"  proxy {eni.Proxy}")}");
                    }
                    foreach (var endpoint in vpc.VpcEndpoints)
                    {
                        output.WriteLine($"    {endpoint.VpcEndpointId} {endpoint.Type} {endpoint.ServiceName} ({endpoint.State}){(endpoint.PrivateDnsEnabled ? " private DNS" : "")}");
                        foreach (var name in endpoint.DnsNames) output.WriteLine($"      {name}");
                    }
                }
                foreach (var service in region.EndpointServices)
                    output.WriteLine($"  {service.ServiceId} {service.ServiceName}{(service.AcceptanceRequired ? " (acceptance required)" : "")}");
            }
    }

    private static string Named(string? name) => name is null ? "" : $" \"{name}\"";
}
