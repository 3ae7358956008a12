using LocalVpc.Ec2Api.Model;
using LocalVpc.Ec2Api.Protocol;

namespace LocalVpc.Ec2Api.Tests;

/// <summary>Binding Query parameters through botocore's model (wire names per botocore's EC2Serializer).</summary>
public sealed class InputReaderTests
{
    private static (object? _, Input Input, string? Error) Read(string operation, params (string, string)[] parameters)
    {
        var model = ServiceModel.Ec2;
        var error = InputReader.Read(model, model.Operations[operation].Input!, parameters.Select(p => KeyValuePair.Create(p.Item1, p.Item2)), out var input);
        return (null, input, error?.Code);
    }

    [Fact]
    public void Filters_AndTagSpecifications_BindFromFlattenedLists()
    {
        var (_, input, error) = Read("DescribeVpcs", ("Filter.2.Name", "tag:Name"), ("Filter.2.Value.1", "a"), ("Filter.1.Name", "vpc-id"),
            ("Filter.1.Value.3", "z"), ("Filter.1.Value.1", "x"), ("VpcId.1", "vpc-1"));
        Assert.Null(error);
        var filters = input.Structs("Filters");
        Assert.Equal(["vpc-id", "tag:Name"], filters.Select(f => f.String("Name")));
        Assert.Equal(new[] { "x", "z" }, filters[0].Strings("Values").ToArray());
        Assert.Equal(new[] { "vpc-1" }, input.Strings("VpcIds").ToArray());
    }

    [Fact]
    public void LocationNames_AreUpperCasedOnTheWire()
    {
        // IpPermission.UserIdGroupPairs has locationName "groups": the wire name is Groups.
        var (_, input, error) = Read("AuthorizeSecurityGroupIngress", ("GroupId", "sg-1"), ("IpPermissions.1.IpProtocol", "tcp"),
            ("IpPermissions.1.Groups.1.GroupId", "sg-2"), ("IpPermissions.1.FromPort", "443"));
        Assert.Null(error);
        var permission = Assert.Single(input.Structs("IpPermissions"));
        Assert.Equal("sg-2", Assert.Single(permission.Structs("UserIdGroupPairs")).String("GroupId"));
        Assert.Equal(443, permission.Int("FromPort"));
    }

    [Theory]
    [InlineData("Bogus", "x", "UnknownParameter")]
    [InlineData("VpcId.0", "vpc-1", "UnknownParameter")]
    [InlineData("VpcId", "vpc-1", "UnknownParameter")]
    [InlineData("MaxResults", "4", "InvalidParameterValue")]
    [InlineData("MaxResults", "x", "InvalidParameterValue")]
    [InlineData("DryRun", "yes", "InvalidParameterValue")]
    public void BadParameters_GetAwsErrors(string key, string value, string code) =>
        Assert.Equal(code, Read("DescribeVpcs", (key, value)).Error);

    [Fact]
    public void RequiredMember_Missing_IsMissingParameter() => Assert.Equal("MissingParameter", Read("DeleteVpc").Error);
}
