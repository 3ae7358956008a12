namespace LocalVpc.Core.Ids;

/// <summary>AWS's id prefixes, and the one check of an id's shape.</summary>
public static class IdPrefix
{
    public const string Vpc = "vpc";
    public const string VpcCidrAssociation = "vpc-cidr-assoc";
    public const string Subnet = "subnet";
    public const string SubnetCidrAssociation = "subnet-cidr-assoc";
    public const string EgressOnlyInternetGateway = "eigw";
    public const string FlowLog = "fl";
    public const string SecurityGroup = "sg";
    public const string SecurityGroupRule = "sgr";
    public const string RouteTable = "rtb";
    public const string RouteTableAssociation = "rtbassoc";
    public const string NetworkAcl = "acl";
    public const string NetworkAclAssociation = "aclassoc";
    public const string DhcpOptions = "dopt";
    public const string InternetGateway = "igw";
    public const string NatGateway = "nat";
    public const string NetworkInterface = "eni";
    public const string NetworkInterfaceAttachment = "eni-attach";
    public const string Instance = "i";
    public const string Reservation = "r";
    public const string ElasticIpAllocation = "eipalloc";
    public const string ElasticIpAssociation = "eipassoc";
    public const string VpcPeeringConnection = "pcx";
    public const string VpcEndpoint = "vpce";
    public const string EndpointService = "vpce-svc";
    public const string ServicePermission = "vpce-svc-perm";
    public const string ConnectionNotification = "vpce-nfn";
    public const string PrefixList = "pl";
    public const string NetworkInsightsPath = "nip";
    public const string NetworkInsightsAnalysis = "nia";
    public const string CustomerGateway = "cgw";
    public const string VpnGateway = "vgw";
    public const string Volume = "vol";

    /// <summary>True when <paramref name="id"/> is <c>prefix-</c> followed by 8 or 17 lowercase hex digits (AWS's old and new lengths).</summary>
    public static bool IsWellFormed(string id, string prefix)
    {
        if (id.Length != prefix.Length + 9 && id.Length != prefix.Length + 18) return false;
        if (!id.StartsWith(prefix, StringComparison.Ordinal) || id[prefix.Length] != '-') return false;
        foreach (var c in id.AsSpan(prefix.Length + 1))
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)) return false;
        return true;
    }

    /// <summary>The prefix of a well-formed id (the part before the hex digits), or null.</summary>
    public static string? Of(string id)
    {
        var dash = id.LastIndexOf('-');
        if (dash <= 0) return null;
        var prefix = id[..dash];
        return IsWellFormed(id, prefix) ? prefix : null;
    }
}
