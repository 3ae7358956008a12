namespace LocalVpc.Ec2Api.Actions;

/// <summary>
/// The per-instance reads Terraform's aws_instance makes after each apply: DescribeInstanceAttribute and, for burstable
/// types, DescribeInstanceCreditSpecifications. An instance here is a network identity, so the attributes are what
/// AWS reports for an instance launched with defaults.
/// </summary>
public static class InstanceAttributes
{
    public static async Task<ApiReply> Describe(ApiCall call)
    {
        var state = await call.ReadAsync();
        if (ResourceKinds.Instance.Find(state, call.Input.String("InstanceId")!, out var instance) is { } error) return error;
        var primary = state.NetworkInterfaces.GetValueOrDefault(instance.PrimaryNetworkInterfaceId);
        var attribute = call.Input.String("Attribute")!;
        void Value(XmlWriter w, string element, string? value) => w.Structure(element, w => w.Element("value", value));
        void Flag(XmlWriter w, string element, bool value) => w.Structure(element, w => w.Element("value", value));
        return ApiReply.Ok(w =>
        {
            w.Element("instanceId", instance.Id);
            switch (attribute)
            {
                case "instanceType": Value(w, "instanceType", instance.InstanceType); break;
                case "kernel": w.Structure("kernel", _ => { }); break;
                case "ramdisk": w.Structure("ramdisk", _ => { }); break;
                case "userData": w.Structure("userData", _ => { }); break;
                case "disableApiTermination": Flag(w, "disableApiTermination", false); break;
                case "disableApiStop": Flag(w, "disableApiStop", false); break;
                case "instanceInitiatedShutdownBehavior": Value(w, "instanceInitiatedShutdownBehavior", "stop"); break;
                case "rootDeviceName": Value(w, "rootDeviceName", ImageInfo.RootDeviceName); break;
                case "blockDeviceMapping": w.List("blockDeviceMapping", state.VolumesOf(instance.Id).ToList(), VolumeXml.InstanceBlockDevice); break;
                case "productCodes": w.List("productCodes", Array.Empty<string>(), (_, _) => { }); break;
                case "sourceDestCheck": Flag(w, "sourceDestCheck", primary?.SourceDestCheck ?? true); break;
                case "groupSet":
                    w.List("groupSet", primary?.GroupIds ?? [], (w, id) =>
                    {
                        w.Element("groupId", id);
                        w.Element("groupName", state.SecurityGroups.GetValueOrDefault(id)?.Name);
                    });
                    break;
                case "ebsOptimized": Flag(w, "ebsOptimized", false); break;
                case "sriovNetSupport": w.Structure("sriovNetSupport", _ => { }); break;
                case "enaSupport": Flag(w, "enaSupport", true); break;
                case "enclaveOptions": w.Structure("enclaveOptions", w => w.Element("enabled", false)); break;
            }
        });
    }

    public static async Task<ApiReply> DescribeCreditSpecifications(ApiCall call)
    {
        if (Paging.CheckMaxResults(call.Input.Int("MaxResults"), 5, 1000) is { } invalid) return invalid;
        var state = await call.ReadAsync();
        var ids = call.Input.Strings("InstanceIds");
        foreach (var id in ids)
        {
            if (ResourceKinds.Instance.Find(state, id, out var named) is { } error) return error;
            if (CreditsOf(named) is null) return Ec2Errors.CreditSpecificationNotSupported(id);
        }
        // Without ids: the burstable instances that are not terminated, as AWS lists them.
        var all = state.Instances.Values.Where(i => (ids.IsEmpty ? !i.IsTerminated : ids.Contains(i.Id)) && CreditsOf(i) is not null);
        if (Filters.Apply(all, call.Input.Structs("Filters"), state, out var matching) is { } filterError) return filterError;
        if (Paging.Page(matching, i => i.Id, call.Input.Int("MaxResults"), call.Input.String("NextToken"), out var page, out var next) is { } pageError)
            return pageError;
        return ApiReply.Ok(w =>
        {
            w.List("instanceCreditSpecificationSet", page, (w, i) =>
            {
                w.Element("instanceId", i.Id);
                w.Element("cpuCredits", CreditsOf(i));
            });
            w.Element("nextToken", next);
        });
    }

    /// <summary>Filters of DescribeInstanceCreditSpecifications.</summary>
    public static readonly FilterTable<Instance> Filters = new(new()
    {
        ["instance-id"] = (i, _) => [i.Id],
    }, tagsId: null);

    /// <summary>The credit option a burstable instance runs with: its type's default; null for other types.</summary>
    private static string? CreditsOf(Instance instance) => InstanceTypeCatalog.Find(instance.InstanceType) is { Burstable: true } type ? type.Credits : null;
}
