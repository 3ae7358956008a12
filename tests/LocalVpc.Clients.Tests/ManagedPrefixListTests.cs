namespace LocalVpc.Clients.Tests;

/// <summary>Customer-managed prefix lists through the AWS SDK for .NET: versions, entries, and what may refer to them.</summary>
public sealed class ManagedPrefixListTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly string _account = ServerFixture.NewAccount();
    private AmazonEC2Client Ec2 => Sdk.Ec2(fixture.Server, _account);

    private static async Task<string> Code(Func<Task> call) => (await Assert.ThrowsAsync<AmazonEC2Exception>(call)).ErrorCode;

    private async Task<List<string>> CidrsAsync(string id) =>
        [.. (await Ec2.GetManagedPrefixListEntriesAsync(new GetManagedPrefixListEntriesRequest { PrefixListId = id })).Entries.Select(e => e.Cidr).Order()];

    [Fact]
    public async Task AList_IsListedBesideAwsLists_AndEachEntryChangeMakesANewVersion()
    {
        var list = (await Ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "offices", AddressFamily = "IPv4", MaxEntries = 2,
            Entries = [new AddPrefixListEntry { Cidr = "192.0.2.0/24", Description = "hq" }],
            TagSpecifications = [new() { ResourceType = ResourceType.PrefixList, Tags = [new("team", "net")] }],
        })).PrefixList;
        Assert.Equal((1L, PrefixListState.CreateComplete, _account), (list.Version!.Value, list.State, list.OwnerId));

        var listed = (await Ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest())).PrefixLists;
        Assert.Contains(listed, l => l.OwnerId == "AWS" && l.PrefixListName == "com.amazonaws.us-east-1.s3");
        Assert.Equal("net", Assert.Single(listed, l => l.PrefixListId == list.PrefixListId).Tags.Single().Value);

        var modified = (await Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest
        {
            PrefixListId = list.PrefixListId, CurrentVersion = 1, AddEntries = [new AddPrefixListEntry { Cidr = "198.51.100.0/24" }],
        })).PrefixList;
        Assert.Equal((2L, PrefixListState.ModifyComplete), (modified.Version!.Value, modified.State));
        Assert.Equal(["192.0.2.0/24", "198.51.100.0/24"], await CidrsAsync(list.PrefixListId));

        Assert.Equal("PrefixListVersionMismatch", await Code(() => Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest
        {
            PrefixListId = list.PrefixListId, CurrentVersion = 1, RemoveEntries = [new RemovePrefixListEntry { Cidr = "192.0.2.0/24" }],
        })));
        Assert.Equal("PrefixListMaxEntriesExceeded", await Code(() => Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest
        {
            PrefixListId = list.PrefixListId, AddEntries = [new AddPrefixListEntry { Cidr = "203.0.113.0/24" }],
        })));
        Assert.Equal(["192.0.2.0/24", "198.51.100.0/24"], await CidrsAsync(list.PrefixListId)); // nothing changed
    }

    [Fact]
    public async Task ARuleOrRoute_MayNameTheList_AndKeepsItFromBeingDeleted()
    {
        var id = (await Ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "partners", AddressFamily = "IPv4", MaxEntries = 5, Entries = [new AddPrefixListEntry { Cidr = "203.0.113.0/24" }],
        })).PrefixList.PrefixListId;
        var vpc = (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var group = (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = "web", Description = "web" })).GroupId;
        var rule = new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, PrefixListIds = [new PrefixListId { Id = id }] };
        await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = group, IpPermissions = [rule] });

        Assert.Equal("DependencyViolation", await Code(() => Ec2.DeleteManagedPrefixListAsync(new DeleteManagedPrefixListRequest { PrefixListId = id })));
        await Ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = group, IpPermissions = [rule] });
        var deleted = (await Ec2.DeleteManagedPrefixListAsync(new DeleteManagedPrefixListRequest { PrefixListId = id })).PrefixList;
        Assert.Equal(PrefixListState.DeleteComplete, deleted.State);
        Assert.Equal("InvalidPrefixListID.NotFound", await Code(() => Ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest { PrefixListIds = [id] })));
    }

    [Theory]
    [InlineData("IPv4", "2001:db8::/32")]
    [InlineData("IPv6", "10.0.0.0/8")]
    [InlineData("IPv5", "10.0.0.0/8")]
    public async Task EntriesOfTheWrongFamily_AreRefused(string family, string cidr)
    {
        Assert.Equal("InvalidParameterValue", await Code(() => Ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "bad", AddressFamily = family, MaxEntries = 1, Entries = [new AddPrefixListEntry { Cidr = cidr }],
        })));
    }
}
