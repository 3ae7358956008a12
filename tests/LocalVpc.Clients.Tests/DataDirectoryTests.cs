namespace LocalVpc.Clients.Tests;

/// <summary>The data directory as processes see it: one owner at a time, and a damaged state file named with a way out.</summary>
public sealed class DataDirectoryTests
{
    private static Task<ChildProcess.Result> RefusedUpAsync(string data, params string[] extra) => LocalVpcServer.RefusedAsync(data, extra);

    [Fact]
    public async Task ASecondServerOnTheSameDirectory_ExitsNamingItAndTheOwner_AndTheFirstKeepsServing()
    {
        var data = Directory.CreateTempSubdirectory("localvpc-lock-").FullName;
        var account = ServerFixture.NewAccount();
        await using var first = await LocalVpcServer.StartAsync(data);
        var vpc = (await Sdk.Ec2(first, account).CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;

        var second = await RefusedUpAsync(data);

        Assert.Equal(1, second.ExitCode);
        Assert.Contains(data, second.Stderr);
        Assert.Contains($"serving {first.Url}", second.Stderr);
        Assert.Single((await Sdk.Ec2(first, account).DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc] })).Vpcs);

        // The lock goes with its process, however it ends: after a SIGKILL the directory is free again, its state whole.
        await first.KillAsync();
        await using var next = await LocalVpcServer.StartAsync(data);
        Assert.Single((await Sdk.Ec2(next, account).DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc] })).Vpcs);
    }

    [Fact]
    public async Task ADamagedStateFile_StopsTheStartWithItsNameAndTheWayOut_AndRecoverStartsKeepingItAside()
    {
        var data = Directory.CreateTempSubdirectory("localvpc-damaged-").FullName;
        var state = Path.Combine(data, "state.db");
        await File.WriteAllTextAsync(state, "garbled: not what localvpc wrote\n");

        var refused = await RefusedUpAsync(data);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(state, refused.Stderr);
        Assert.Contains("not a readable SQLite database", refused.Stderr);
        Assert.Contains("--recover", refused.Stderr);
        Assert.DoesNotContain("   at ", refused.Stderr); // a message, not a stack trace
        Assert.Equal("garbled: not what localvpc wrote\n", await File.ReadAllTextAsync(state)); // changed nothing

        await using var recovered = await LocalVpcServer.StartAsync(data, null, "--recover");
        Assert.Contains("--recover:", recovered.Output);
        var aside = Assert.Single(Directory.GetFiles(data, "state.db.damaged-*"));
        Assert.Equal("garbled: not what localvpc wrote\n", await File.ReadAllTextAsync(aside));
        Assert.NotEmpty((await Sdk.Ec2(recovered, ServerFixture.NewAccount()).DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs); // a working, new state
    }
}
