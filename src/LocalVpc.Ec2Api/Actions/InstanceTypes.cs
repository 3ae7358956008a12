namespace LocalVpc.Ec2Api.Actions;

/// <summary>DescribeInstanceTypes over LocalVpc's catalog (Terraform's aws_instance reads its type; aws_ec2_instance_type reads it whole).</summary>
public static class InstanceTypes
{
    /// <summary>Filters from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceTypes.html that the catalog can answer.</summary>
    public static readonly FilterTable<InstanceTypeInfo> Filters = new(new()
    {
        ["instance-type"] = (t, _) => [t.Name],
        ["current-generation"] = (t, _) => [Binding.Text(!t.PreviousGeneration)],
        ["free-tier-eligible"] = (t, _) => [Binding.Text(t.FreeTier)],
        ["burstable-performance-supported"] = (t, _) => [Binding.Text(t.Burstable)],
        ["vcpu-info.default-vcpus"] = (t, _) => [t.VCpus.ToString()],
        ["memory-info.size-in-mib"] = (t, _) => [t.MemoryMiB.ToString()],
        ["processor-info.supported-architecture"] = (t, _) => t.Architectures,
        ["hypervisor"] = (t, _) => [t.Hypervisor],
    }, tagsId: null);

    public static async Task<ApiReply> Describe(ApiCall call)
    {
        if (Paging.CheckMaxResults(call.Input.Int("MaxResults"), 5, 100) is { } invalid) return invalid;
        var state = await call.ReadAsync();
        var names = call.Input.Strings("InstanceTypes");
        // AWS: "The following supplied instance types do not exist: [x]".
        if (names.FirstOrDefault(n => InstanceTypeCatalog.Find(n) is null) is { } unknown)
            return Ec2Errors.InvalidInstanceType(unknown);
        var all = InstanceTypeCatalog.All.Values.Where(t => names.IsEmpty || names.Contains(t.Name));
        if (Filters.Apply(all, call.Input.Structs("Filters"), state, out var matching) is { } error) return error;
        if (Paging.Page(matching, t => t.Name, call.Input.Int("MaxResults"), call.Input.String("NextToken"), out var page, out var next) is { } pageError)
            return pageError;
        return ApiReply.Ok(w =>
        {
            w.List("instanceTypeSet", page, InstanceTypeXml.InstanceType);
            w.Element("nextToken", next);
        });
    }
}
