using LocalVpc.Core.State;

namespace LocalVpc.Core.Tests;

/// <summary>The kinds table is what state, lookups and the log's JSON are driven from.</summary>
public sealed class ResourceKindsTests
{
    [Fact]
    public void All_AreIndexedByPosition_WithDistinctNamesTypesAndKeys()
    {
        Assert.Equal(Enumerable.Range(0, ResourceKinds.All.Length), ResourceKinds.All.Select(k => k.Index));
        Assert.Equal(ResourceKinds.All.Length, ResourceKinds.All.Select(k => k.Discriminator).Distinct().Count());
        Assert.Equal(ResourceKinds.All.Length, ResourceKinds.All.Select(k => k.Type).Distinct().Count());
        Assert.Equal(ResourceKinds.All.Length, ResourceKinds.All.Select(k => k.IdPrefix ?? "arn:" + k.ArnKind).Distinct().Count());
    }

    [Theory]
    [InlineData("vpc-0a1b2c3d4e5f67890", "vpc")]
    [InlineData("vpc-1a2b3c4d", "vpc")]
    [InlineData("vpce-svc-0a1b2c3d4e5f67890", "endpoint-service")]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef", "target-group")]
    [InlineData("vpc-NOTHEX", null)]
    public void Of_AnId_GivesTheKindThatOwnsIt(string id, string? kind) => Assert.Equal(kind, ResourceKinds.Of(id)?.Discriminator);

    [Fact]
    public void Find_MalformedAndUnknownIds_GiveAwsErrors()
    {
        var state = AccountState.Empty(new Scope("111122223333", "us-east-1"));
        Assert.Equal("InvalidVpcID.Malformed", ResourceKinds.Vpc.Find(state, "vpc-xyz", out _)?.Code);
        Assert.Equal("InvalidVpcID.NotFound", ResourceKinds.Vpc.Find(state, "vpc-1a2b3c4d", out _)?.Code);
    }
}
