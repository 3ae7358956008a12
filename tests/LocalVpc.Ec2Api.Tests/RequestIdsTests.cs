using LocalVpc.Ec2Api.Protocol;

namespace LocalVpc.Ec2Api.Tests;

public sealed class RequestIdsTests
{
    [Fact]
    public void RequestIds_AreDistinctVersion4Uuids_AcrossBlocks()
    {
        // 1,000 ids: sixteen blocks of random bytes.
        var ids = Enumerable.Range(0, 1000).Select(_ => RequestIds.Next()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id =>
        {
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
            var uuid = Guid.Parse(id);
            Assert.Equal(4, uuid.Version);
            Assert.Equal(0b10, uuid.Variant >> 2);
        });
    }
}
