namespace LocalVpc.Ec2Api.Xml;

/// <summary>Writes the <c>NetworkAcl</c> shape.</summary>
public static class NetworkAclXml
{
    public static void NetworkAcl(XmlWriter w, NetworkAcl acl, AccountState state)
    {
        w.Element("networkAclId", acl.Id);
        w.Element("vpcId", acl.VpcId);
        w.Element("ownerId", acl.OwnerId);
        w.Element("default", acl.IsDefault);
        w.List("entrySet", acl.Entries, (w, e) =>
        {
            w.Element("ruleNumber", e.RuleNumber);
            w.Element("protocol", e.Protocol);
            w.Element("ruleAction", e.RuleAction);
            w.Element("egress", e.Egress);
            w.Element("cidrBlock", e.Ipv4CidrBlock);
            w.Element("ipv6CidrBlock", e.Ipv6CidrBlock);
            if (e.IcmpType is not null)
                w.Structure("icmpTypeCode", w =>
                {
                    w.Element("code", e.IcmpCode);
                    w.Element("type", e.IcmpType);
                });
            if (e.FromPort is not null)
                w.Structure("portRange", w =>
                {
                    w.Element("from", e.FromPort);
                    w.Element("to", e.ToPort);
                });
        });
        w.List("associationSet", state.AssociationsOf(acl), (w, a) =>
        {
            w.Element("networkAclAssociationId", a.Id);
            w.Element("networkAclId", acl.Id);
            w.Element("subnetId", a.SubnetId);
        });
        TagXml.TagSet(w, state.TagsOf(acl.Id));
    }
}
