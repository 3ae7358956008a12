namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes <c>Reservation</c>, <c>Instance</c>, <c>InstanceStateChange</c> and <c>InstanceStatus</c>.</summary>
public static class InstanceXml
{
    /// <summary>The reservation members (also RunInstances' whole reply).</summary>
    public static void Reservation(XmlWriter w, string reservationId, IReadOnlyList<Instance> instances, AccountState state,
        InstanceState? shownState = null)
    {
        w.Element("reservationId", reservationId);
        w.Element("ownerId", state.Scope.Account);
        w.List("groupSet", Array.Empty<object>(), (_, _) => { });
        w.List("instancesSet", instances, (w, i) => Instance(w, i, state, shownState));
    }

    /// <param name="shownState">The state to show instead of the stored one: RunInstances shows <c>pending</c>.</param>
    public static void Instance(XmlWriter w, Instance instance, AccountState state, InstanceState? shownState = null)
    {
        var region = state.Scope.Region;
        var interfaces = state.NetworkInterfacesOf(instance).ToList();
        var primary = interfaces.FirstOrDefault(n => n.Id == instance.PrimaryNetworkInterfaceId);
        var current = shownState ?? InstanceState.Of(instance.State);
        w.Element("instanceId", instance.Id);
        w.Element("imageId", instance.ImageId);
        w.Structure("instanceState", w =>
        {
            w.Element("code", current.Code);
            w.Element("name", current.Name);
        });
        w.Element("privateDnsName", primary is null ? "" : DnsNames.Private(primary, region));
        var publicIp = primary is null ? null : state.PublicIpOf(primary, primary.PrivateIpAddress)?.PublicIp;
        w.Element("dnsName", publicIp is null ? "" : DnsNames.Public(publicIp, region));
        w.Element("reason", instance.State == "running" ? "" : $"User initiated ({instance.StateChangedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} GMT)");
        w.Element("keyName", instance.KeyName);
        w.Element("amiLaunchIndex", instance.AmiLaunchIndex);
        w.List("productCodes", Array.Empty<object>(), (_, _) => { });
        w.Element("instanceType", instance.InstanceType);
        w.Element("launchTime", instance.LaunchTime);
        w.Structure("placement", w =>
        {
            w.Element("availabilityZoneId", instance.AvailabilityZoneId);
            w.Element("availabilityZone", instance.AvailabilityZone);
            w.Element("groupName", "");
            w.Element("tenancy", "default");
        });
        w.Structure("monitoring", w => w.Element("state", "disabled"));
        if (!instance.IsTerminated)
        {
            w.Element("subnetId", instance.SubnetId);
            w.Element("vpcId", instance.VpcId);
            w.Element("privateIpAddress", primary?.PrivateIpAddress);
            w.Element("ipAddress", publicIp);
            w.Element("ipv6Address", primary?.Ipv6Address);
            w.Element("sourceDestCheck", primary?.SourceDestCheck ?? true);
        }
        NetworkInterfaceXml.Groups(w, primary?.GroupIds ?? [], state);
        if (instance.State is "stopped" or "terminated")
            w.Structure("stateReason", w =>
            {
                w.Element("code", "Client.UserInitiatedShutdown");
                w.Element("message", "Client.UserInitiatedShutdown: User initiated shutdown");
            });
        w.Element("architecture", ImageCatalog.Find(instance.ImageId)?.Architecture ?? "x86_64");
        w.Element("rootDeviceType", "ebs");
        w.Element("rootDeviceName", ImageInfo.RootDeviceName);
        w.List("blockDeviceMapping", state.VolumesOf(instance.Id).ToList(), VolumeXml.InstanceBlockDevice);
        w.Element("virtualizationType", "hvm");
        TagXml.TagSet(w, state.TagsOf(instance.Id));
        w.Element("hypervisor", "xen");
        w.List("networkInterfaceSet", interfaces, (w, n) => NetworkInterfaceXml.InstanceNetworkInterface(w, n, state));
        w.Element("ebsOptimized", false);
        w.Element("enaSupport", true);
        w.Element("platformDetails", "Linux/UNIX");
    }

    public static void StateChange(XmlWriter w, Core.Commands.Instances.InstanceStateChange change)
    {
        w.Element("instanceId", change.InstanceId);
        w.Structure("currentState", w =>
        {
            w.Element("code", change.Current.Code);
            w.Element("name", change.Current.Name);
        });
        w.Structure("previousState", w =>
        {
            w.Element("code", change.Previous.Code);
            w.Element("name", change.Previous.Name);
        });
    }

    /// <summary>Status checks: <c>ok</c> with reachability passed while running, else <c>not-applicable</c>.</summary>
    public static void Status(XmlWriter w, Instance instance)
    {
        var state = InstanceState.Of(instance.State);
        var status = instance.IsRunning ? "ok" : "not-applicable";
        void Summary(XmlWriter w)
        {
            w.Element("status", status);
            w.List("details", instance.IsRunning ? ["reachability"] : Array.Empty<string>(), (w, name) =>
            {
                w.Element("name", name);
                w.Element("status", "passed");
            });
        }
        w.Element("instanceId", instance.Id);
        w.Element("availabilityZone", instance.AvailabilityZone);
        w.Element("availabilityZoneId", instance.AvailabilityZoneId);
        w.Structure("instanceState", w =>
        {
            w.Element("code", state.Code);
            w.Element("name", state.Name);
        });
        w.Structure("systemStatus", Summary);
        w.Structure("instanceStatus", Summary);
    }
}
