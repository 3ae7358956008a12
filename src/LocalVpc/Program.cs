using System.CommandLine;
using Microsoft.Extensions.Logging;
using LocalVpc;

var host = new Option<string>("--host") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
var port = new Option<int>("--port") { Description = "Port of the EC2 API", DefaultValueFactory = _ => ServerOptions.DefaultPort };
var data = new Option<string>("--data") { Description = "Directory for LocalVpc's state", DefaultValueFactory = _ => ServerOptions.DefaultDataDirectory };
var account = new Option<string>("--account") { Description = "Account of requests whose access key id is not 12 digits", DefaultValueFactory = _ => "000000000000" };
var noDefaultVpc = new Option<bool>("--no-default-vpc") { Description = "Start regions without AWS's default VPC" };
var endpointDelay = new Option<double>("--endpoint-delay") { Description = "Seconds a created or modified VPC endpoint reads pending before available", DefaultValueFactory = _ => 0 };
var snapshotEvery = new Option<int>("--snapshot-every") { Description = "Events per region between snapshots", DefaultValueFactory = _ => 1000 };

var service = new Option<string[]>("--service") { Description = "An AWS service's local stand-in, NAME=URL (kms=http://127.0.0.1:5000, sts=tcp://127.0.0.1:9000); repeatable" };
var config = new Option<string?>("--config") { Description = "A JSON file: {\"services\": {\"kms\": \"http://127.0.0.1:5000\"}, \"internet\": \"deny\", \"deny\": \"drop\", \"offline\": false, \"splice\": true, \"quotas\": {\"vpcs-per-region\": 20}}" };
var internet = new Option<string?>("--internet") { Description = "allow: flows the VPC sends to the internet really leave the machine (default deny)" };
var deny = new Option<string?>("--deny") { Description = "What a denied connection gets: drop (the client waits, as on AWS; default) or reject" };
var offline = new Option<bool>("--offline") { Description = "VPC resolvers refuse names LocalVpc does not own instead of asking the host's resolver" };
var allowHost = new Option<string[]>("--allow-host") { Description = "A host name the API answers to besides IP addresses and localhost (repeatable), e.g. a Docker service name" };
var recover = new Option<bool>("--recover") { Description = "Start from a damaged state file: keep what is before the damage, move the file aside (never deleted)" };
var auth = new Option<string>("--auth") { Description = "any: act as the account a request's access key names, signature unchecked (default, for loopback); " +
    "sigv4: verify Signature Version 4 against --credentials", DefaultValueFactory = _ => "any" };
auth.AcceptOnlyFromAmong("any", "sigv4");
var credentials = new Option<string?>("--credentials") { Description = "With --auth sigv4: a credentials file as ~/.aws/credentials, each profile's " +
    "aws_access_key_id, aws_secret_access_key and account_id (default: AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials)" };
var insecure = new Option<bool>("--insecure") { Description = "Let --host listen beyond loopback with --auth any: anyone who reaches the port can act as any account" };
var logLevel = new Option<string>("--log-level") { Description = "What LocalVpc logs: info (every data-plane decision with its explanation; default), " +
    "debug (also each connection's end with its bytes, and proxy connections cut short), warning (only what went wrong)", DefaultValueFactory = _ => "info" };
logLevel.AcceptOnlyFromAmong("debug", "info", "warning");
var quota = new Option<string[]>("--quota") { Description = "Change an AWS service quota, NAME=N (vpcs-per-region=20); repeatable. " +
    "The quotas and AWS's defaults: " + string.Join(", ", LocalVpc.Core.Quotas.ServiceQuotas.All.Select(q => $"{q.Name} {q.AwsDefault}")) };
var up = new Command("up", "Run LocalVpc: the EC2 API with durable state, VPC resolvers and instance proxies")
    { host, port, data, account, noDefaultVpc, snapshotEvery, endpointDelay, service, config, internet, deny, offline, recover, allowHost, auth, credentials, insecure, quota, logLevel };
up.SetAction((result, cancellationToken) =>
{
    var accountId = result.GetValue(account)!;
    if (accountId.Length != 12 || !accountId.All(char.IsAsciiDigit))
    {
        Console.Error.WriteLine($"--account must be 12 digits, not '{accountId}'");
        return Task.FromResult(2);
    }
    var (keys, authError) = AuthSettings.Read(result.GetValue(auth)!, result.GetValue(credentials), result.GetValue(host)!, result.GetValue(insecure), accountId);
    if (authError is not null)
    {
        Console.Error.WriteLine(authError);
        return Task.FromResult(2);
    }
    var (quotas, quotaError) = QuotaSettings.Read(result.GetValue(config), result.GetValue(quota) ?? []);
    if (quotas is null)
    {
        Console.Error.WriteLine(quotaError);
        return Task.FromResult(2);
    }
    var (dataPlane, error) = DataPlaneSettings.Read(result.GetValue(data)!, result.GetValue(config), result.GetValue(service) ?? [],
        result.GetValue(internet), result.GetValue(deny), result.GetValue(offline));
    if (dataPlane is null)
    {
        Console.Error.WriteLine(error);
        return Task.FromResult(2);
    }
    return Server.RunAsync(new ServerOptions(result.GetValue(host)!, result.GetValue(port), result.GetValue(data)!, accountId,
        !result.GetValue(noDefaultVpc), Math.Max(1, result.GetValue(snapshotEvery)),
        TimeSpan.FromSeconds(Math.Max(0, result.GetValue(endpointDelay))), dataPlane, result.GetValue(recover), result.GetValue(allowHost) ?? [], keys, quotas,
        result.GetValue(logLevel) switch { "debug" => LogLevel.Debug, "warning" => LogLevel.Warning, _ => LogLevel.Information }), cancellationToken);
});

var from = new Option<string>("--from") { Description = "The source: an instance (i-…) or a network interface (eni-…)", Required = true };
var to = new Option<string>("--to") { Description = "The destination and port: NAME-or-IP:PORT", Required = true };
var protocol = new Option<string>("--protocol") { Description = "tcp, udp or icmp", DefaultValueFactory = _ => "tcp" };
var json = new Option<bool>("--json") { Description = "Print the verdict as JSON" };
var endpointUrl = new Option<string>("--endpoint-url") { Description = "The LocalVpc to ask",
    DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL") ?? $"http://127.0.0.1:{ServerOptions.DefaultPort}" };
var probeAccount = new Option<string?>("--account") { Description = "The account (defaults to AWS_ACCESS_KEY_ID when it is 12 digits)" };
var probeRegion = new Option<string?>("--region") { Description = "The region (defaults to AWS_REGION, AWS_DEFAULT_REGION, us-east-1)" };
var live = new Option<bool>("--live") { Description = "Also make a real TCP connection through the instance's proxy, and say whether it agrees" };
var ipv6 = new Option<bool>("--ipv6") { Description = "Resolve the name to its AAAA record first, as a client that prefers IPv6 does" };
var liveTimeout = new Option<double>("--timeout") { Description = "Seconds the live connection waits for an answer (a dropped one never gets it)", DefaultValueFactory = _ => 3 };
var probe = new Command("probe", "Can this instance reach that name on that port? The path, hop by hop, and why")
    { from, to, protocol, json, endpointUrl, probeAccount, probeRegion, live, liveTimeout, ipv6 };
probe.SetAction((result, cancellationToken) => ProbeCommand.RunAsync(result.GetValue(from)!, result.GetValue(to)!, result.GetValue(protocol)!,
    result.GetValue(json), result.GetValue(endpointUrl)!, result.GetValue(probeAccount), result.GetValue(probeRegion),
    result.GetValue(live), result.GetValue(liveTimeout), result.GetValue(ipv6), cancellationToken));

var statusJson = new Option<bool>("--json") { Description = "Print the status as JSON (fields dns and proxy hold the addresses)" };
var statusUrl = new Option<string>("--endpoint-url") { Description = "The LocalVpc to ask", DefaultValueFactory = endpointUrl.DefaultValueFactory };
var statusResolver = new Option<string?>("--resolver") { Description = "Print only this VPC's resolver address (HOST:PORT)" };
var status = new Command("status", "Accounts, VPCs (with their resolver), subnets and interfaces, and every instance's proxy") { statusJson, statusUrl, statusResolver };
status.SetAction((result, cancellationToken) => StatusCommand.RunAsync(result.GetValue(statusUrl)!, result.GetValue(statusJson), result.GetValue(statusResolver), cancellationToken));

var execUrl = new Option<string>("--endpoint-url") { Description = "The LocalVpc to ask", DefaultValueFactory = endpointUrl.DefaultValueFactory };
var execInstance = new Argument<string>("instance") { Description = "The instance (i-…) to run as" };
var execCommand = new Argument<string[]>("command") { Description = "The command and its arguments, after --", Arity = ArgumentArity.OneOrMore };
var exec = new Command("exec", "Run a command as if on an instance: its connections go through the instance's proxy") { execUrl, execInstance, execCommand };
exec.SetAction((result, cancellationToken) => ExecCommand.RunAsync(result.GetValue(execUrl)!, result.GetValue(execInstance)!, result.GetValue(execCommand)!, cancellationToken));

var demoUrl = new Option<string?>("--endpoint-url") { Description = "A running LocalVpc to build on (default: start one of its own)" };
var keep = new Option<bool>("--keep") { Description = "Leave everything in place for exploring" };
var demo = new Command("demo", "The story of a VPC endpoint, built step by step and narrated, with the aws commands to repeat it") { demoUrl, keep };
demo.SetAction((result, cancellationToken) => LocalVpc.Demo.DemoCommand.RunAsync(result.GetValue(demoUrl), result.GetValue(keep), cancellationToken));

var flowsUrl = new Option<string>("--endpoint-url") { Description = "The LocalVpc to ask", DefaultValueFactory = endpointUrl.DefaultValueFactory };
var flowsVpc = new Option<string?>("--vpc") { Description = "Only records of interfaces in this VPC" };
var flowsEni = new Option<string?>("--eni") { Description = "Only records of this network interface" };
var flowsAction = new Option<string?>("--action") { Description = "Only ACCEPT or only REJECT records" };
var follow = new Option<bool>("--follow") { Description = "Keep printing records as they arrive (Ctrl-C ends)" };
var flows = new Command("flows", "Flow log records of connections through instance proxies, each REJECT with the analyser's explanation")
    { flowsUrl, flowsVpc, flowsEni, flowsAction, follow };
flows.SetAction((result, cancellationToken) => FlowsCommand.RunAsync(result.GetValue(flowsUrl)!, result.GetValue(flowsVpc), result.GetValue(flowsEni),
    result.GetValue(flowsAction), result.GetValue(follow), cancellationToken));

var shell = new Argument<string>("shell") { Description = "bash or zsh" };
shell.AcceptOnlyFromAmong(CompletionCommand.Shells);
var completion = new Command("completion", "A shell completion script: source <(localvpc completion bash), or zsh") { shell };
completion.SetAction(result => CompletionCommand.Run(result.GetValue(shell)!));

var root = new RootCommand("LocalVpc: AWS VPC networking and VPC endpoints on one machine") { up, probe, status, exec, demo, flows, completion };
// --version also names what LocalVpc serves: the API versions and the botocore models they are read from.
root.Options.OfType<System.CommandLine.VersionOption>().Single().Action = new VersionAction();
return await root.Parse(args).InvokeAsync();
