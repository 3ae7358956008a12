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

var root = new RootCommand("LocalVpc: AWS VPC networking and VPC endpoints on one machine") { up };
return await root.Parse(args).InvokeAsync();
