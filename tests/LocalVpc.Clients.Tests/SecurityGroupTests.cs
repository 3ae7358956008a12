namespace LocalVpc.Clients.Tests;

/// <summary>Security groups and their rules through the AWS SDK for .NET.</summary>
public sealed class SecurityGroupTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly AmazonEC2Client _ec2 = Sdk.Ec2(fixture.Server, ServerFixture.NewAccount());

    private async Task<(string Vpc, string Group)> NewGroupAsync(string name = "web")
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var group = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            VpcId = vpc, GroupName = name, Description = "web tier",
            TagSpecifications = [new() { ResourceType = ResourceType.SecurityGroup, Tags = [new("team", "net")] }],
        })).GroupId;
        return (vpc, group);
    }

    private async Task<SecurityGroup> DescribeAsync(string groupId) =>
        Assert.Single((await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] })).SecurityGroups);

    private static IpPermission Tcp(int port, string cidr) =>
        new() { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new() { CidrIp = cidr, Description = "https" }] };

    [Fact]
    public async Task CreateSecurityGroup_HasOnlyTheDefaultEgressRule()
    {
        var (vpc, groupId) = await NewGroupAsync();
        var group = await DescribeAsync(groupId);
        Assert.Equal(("web", "web tier", vpc), (group.GroupName, group.Description, group.VpcId));
        Assert.True(group.IpPermissions is null or { Count: 0 });
        var egress = Assert.Single(group.IpPermissionsEgress);
        Assert.Equal("-1", egress.IpProtocol);
        Assert.Equal("0.0.0.0/0", Assert.Single(egress.Ipv4Ranges).CidrIp);
        Assert.Equal("net", Assert.Single(group.Tags).Value);
    }

    [Fact]
    public async Task CreateSecurityGroup_DuplicateOrReservedName_IsRefused()
    {
        var (vpc, _) = await NewGroupAsync();
        var duplicate = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = "web", Description = "again" }));
        Assert.Equal("InvalidGroup.Duplicate", duplicate.ErrorCode);
        var reserved = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = "default", Description = "x" }));
        Assert.Equal("InvalidGroup.Reserved", reserved.ErrorCode);
    }

    [Fact]
    public async Task AuthorizeIngress_ReturnsRuleIds_AndDescribeGroupsThemAsPermissions()
    {
        var (_, groupId) = await NewGroupAsync();
        var peer = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            VpcId = (await DescribeAsync(groupId)).VpcId, GroupName = "clients", Description = "clients",
        })).GroupId;
        var result = await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId,
            IpPermissions =
            [
                Tcp(443, "10.0.0.0/16"),
                new() { IpProtocol = "tcp", FromPort = 443, ToPort = 443, UserIdGroupPairs = [new() { GroupId = peer }] },
                new() { IpProtocol = "icmp", FromPort = 8, ToPort = -1, Ipv4Ranges = [new() { CidrIp = "0.0.0.0/0" }] },
            ],
        });
        Assert.True(result.Return);
        Assert.Equal(3, result.SecurityGroupRules.Count);
        Assert.All(result.SecurityGroupRules, r => Assert.StartsWith("sgr-", r.SecurityGroupRuleId));

        var group = await DescribeAsync(groupId);
        var https = Assert.Single(group.IpPermissions, p => p.IpProtocol == "tcp");
        Assert.Equal((443, 443), (https.FromPort, https.ToPort));
        Assert.Equal("https", Assert.Single(https.Ipv4Ranges).Description);
        Assert.Equal(peer, Assert.Single(https.UserIdGroupPairs).GroupId);
        var icmp = Assert.Single(group.IpPermissions, p => p.IpProtocol == "icmp");
        Assert.Equal((8, -1), (icmp.FromPort, icmp.ToPort));

        var rules = (await _ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest
        {
            Filters = [new("group-id", [groupId])],
        })).SecurityGroupRules;
        Assert.Equal(4, rules.Count); // three inbound and the default outbound rule
        Assert.Single(rules, r => r.IsEgress == true && r.IpProtocol == "-1" && r.CidrIpv4 == "0.0.0.0/0");
        Assert.Single(rules, r => r.ReferencedGroupInfo?.GroupId == peer);
    }

    [Fact]
    public async Task AuthorizeIngress_ExistingRule_ReturnsDuplicateAndAddsNothing()
    {
        var (_, groupId) = await NewGroupAsync();
        await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = groupId, IpPermissions = [Tcp(443, "10.0.0.0/16")] });
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId, IpPermissions = [Tcp(22, "10.0.0.0/16"), Tcp(443, "10.0.0.0/16")],
        }));
        Assert.Equal("InvalidPermission.Duplicate", error.ErrorCode);
        Assert.Single((await DescribeAsync(groupId)).IpPermissions);
    }

    [Theory]
    [InlineData("tcp", 0, 70000, "InvalidPermission.Malformed")]
    [InlineData("tcp", 500, 400, "InvalidParameterValue")]
    [InlineData("bogus", 1, 1, "InvalidParameterValue")]
    public async Task AuthorizeIngress_BadPermission_ReturnsAwsError(string protocol, int from, int to, string code)
    {
        var (_, groupId) = await NewGroupAsync();
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId,
            IpPermissions = [new() { IpProtocol = protocol, FromPort = from, ToPort = to, Ipv4Ranges = [new() { CidrIp = "10.0.0.0/8" }] }],
        }));
        Assert.Equal(code, error.ErrorCode);
    }

    [Fact]
    public async Task RevokeIngress_ByPermissionAndByRuleId_RemovesRules_UnknownRuleIsNotFound()
    {
        var (_, groupId) = await NewGroupAsync();
        var added = (await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId, IpPermissions = [Tcp(443, "10.0.0.0/16"), Tcp(22, "10.0.0.0/16")],
        })).SecurityGroupRules;

        var revoked = await _ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = groupId, IpPermissions = [Tcp(443, "10.0.0.0/16")] });
        Assert.True(revoked.Return);
        var ssh = added.Single(r => r.FromPort == 22).SecurityGroupRuleId;
        await _ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = groupId, SecurityGroupRuleIds = [ssh] });
        Assert.True((await DescribeAsync(groupId)).IpPermissions is null or { Count: 0 });

        // As AWS answers (cloud-custodian/cloud-custodian#9656): InvalidPermission.NotFound.
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = groupId, IpPermissions = [Tcp(443, "10.0.0.0/16")] }));
        Assert.Equal("InvalidPermission.NotFound", error.ErrorCode);
        Assert.StartsWith("The specified rule does not exist in this security group", error.Message);
    }

    [Fact]
    public async Task RevokeEgress_AllTrafficWithZeroPorts_RemovesTheDefaultRule()
    {
        // Terraform removes the default egress rule right after create with IpProtocol=-1, FromPort=0, ToPort=0.
        var (_, groupId) = await NewGroupAsync();
        await _ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest
        {
            GroupId = groupId,
            IpPermissions = [new() { IpProtocol = "-1", FromPort = 0, ToPort = 0, Ipv4Ranges = [new() { CidrIp = "0.0.0.0/0" }] }],
        });
        Assert.True((await DescribeAsync(groupId)).IpPermissionsEgress is null or { Count: 0 });
    }

    [Fact]
    public async Task DeleteSecurityGroup_DefaultOrReferenced_IsRefused_OtherwiseDeleted()
    {
        var (vpc, groupId) = await NewGroupAsync();
        var defaultGroup = Assert.Single((await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new("vpc-id", [vpc]), new("group-name", ["default"])],
        })).SecurityGroups);
        var cannot = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = defaultGroup.GroupId }));
        Assert.Equal("CannotDelete", cannot.ErrorCode);

        await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = defaultGroup.GroupId,
            IpPermissions = [new() { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, UserIdGroupPairs = [new() { GroupId = groupId }] }],
        });
        var inUse = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = groupId }));
        Assert.Equal("DependencyViolation", inUse.ErrorCode);

        await _ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
        {
            GroupId = defaultGroup.GroupId,
            IpPermissions = [new() { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, UserIdGroupPairs = [new() { GroupId = groupId }] }],
        });
        await _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = groupId });
        var gone = await Assert.ThrowsAsync<AmazonEC2Exception>(() => DescribeAsync(groupId));
        Assert.Equal("InvalidGroup.NotFound", gone.ErrorCode);
    }
}
