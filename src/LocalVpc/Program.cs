using System.CommandLine;
using LocalVpc;

var host = new Option<string>("--host") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
var port = new Option<int>("--port") { Description = "Port of the EC2 API", DefaultValueFactory = _ => ServerOptions.DefaultPort };
var data = new Option<string>("--data") { Description = "Directory for LocalVpc's state", DefaultValueFactory = _ => ServerOptions.DefaultDataDirectory };
var account = new Option<string>("--account") { Description = "Account of requests whose access key id is not 12 digits", DefaultValueFactory = _ => "000000000000" };
var noDefaultVpc = new Option<bool>("--no-default-vpc") { Description = "Start regions without AWS's default VPC" };
var endpointDelay = new Option<double>("--endpoint-delay") { Description = "Seconds a created or modified VPC endpoint reads pending before available", DefaultValueFactory = _ => 0 };
var snapshotEvery = new Option<int>("--snapshot-every") { Description = "Events per region between snapshots", DefaultValueFactory = _ => 1000 };

var up = new Command("up", "Run LocalVpc: the EC2 API with durable state") { host, port, data, account, noDefaultVpc, snapshotEvery, endpointDelay };
up.SetAction((result, cancellationToken) =>
{
    var accountId = result.GetValue(account)!;
    if (accountId.Length != 12 || !accountId.All(char.IsAsciiDigit))
    {
        Console.Error.WriteLine($"--account must be 12 digits, not '{accountId}'");
        return Task.FromResult(2);
    }
    return Server.RunAsync(new ServerOptions(result.GetValue(host)!, result.GetValue(port), result.GetValue(data)!, accountId,
        !result.GetValue(noDefaultVpc), Math.Max(1, result.GetValue(snapshotEvery)),
        TimeSpan.FromSeconds(Math.Max(0, result.GetValue(endpointDelay)))), cancellationToken);
});

var from = new Option<string>("--from") { Description = "The source: an instance (i-…) or a network interface (eni-…)", Required = true };
var to = new Option<string>("--to") { Description = "The destination and port: NAME-or-IP:PORT", Required = true };
var protocol = new Option<string>("--protocol") { Description = "tcp, udp or icmp", DefaultValueFactory = _ => "tcp" };
var json = new Option<bool>("--json") { Description = "Print the verdict as JSON" };
var endpointUrl = new Option<string>("--endpoint-url") { Description = "The LocalVpc to ask",
    DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL") ?? $"http://127.0.0.1:{ServerOptions.DefaultPort}" };
var probeAccount = new Option<string?>("--account") { Description = "The account (defaults to AWS_ACCESS_KEY_ID when it is 12 digits)" };
var probeRegion = new Option<string?>("--region") { Description = "The region (defaults to AWS_REGION, AWS_DEFAULT_REGION, us-east-1)" };
var probe = new Command("probe", "Can this instance reach that name on that port? The path, hop by hop, and why") { from, to, protocol, json, endpointUrl, probeAccount, probeRegion };
probe.SetAction((result, cancellationToken) => ProbeCommand.RunAsync(result.GetValue(from)!, result.GetValue(to)!, result.GetValue(protocol)!,
    result.GetValue(json), result.GetValue(endpointUrl)!, result.GetValue(probeAccount), result.GetValue(probeRegion), cancellationToken));

var root = new RootCommand("LocalVpc: AWS VPC networking and VPC endpoints on one machine") { up, probe };
return await root.Parse(args).InvokeAsync();
