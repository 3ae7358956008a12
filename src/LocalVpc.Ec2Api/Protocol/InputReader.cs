using System.Globalization;

namespace LocalVpc.Ec2Api.Protocol;

/// <summary>
/// Reads flat Query parameters (<c>Filter.1.Value.2=x</c>) into an <see cref="Input"/> following the
/// operation's input shape in the model: wire names per the model's protocol (ec2: upper-cased locationNames
/// and flattened lists; query: locationNames as they are and <c>Name.member.N</c> lists), 1-based lists,
/// nested structures, scalar types and bounds, required members. Anything the shape does not have is
/// AWS's UnknownParameter.
/// </summary>
public static class InputReader
{
    /// <summary>Parameters every request may carry besides the operation's own: the protocol's and SigV4's query form.</summary>
    private static readonly HashSet<string> ProtocolParameters = new(StringComparer.Ordinal)
    {
        "Action", "Version", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
        "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Security-Token", "AWSAccessKeyId", "Signature",
        "SignatureMethod", "SignatureVersion", "Timestamp", "Expires",
    };

    private sealed class Node
    {
        public string? Value;
        public readonly Dictionary<string, Node> Children = new(StringComparer.Ordinal);
    }

    public static AwsError? Read(ServiceModel model, string shapeName, IEnumerable<KeyValuePair<string, string>> parameters,
        out Input input)
    {
        var root = new Node();
        foreach (var (key, value) in parameters)
        {
            if (ProtocolParameters.Contains(key)) continue;
            var node = root;
            foreach (var part in key.Split('.'))
            {
                if (!node.Children.TryGetValue(part, out var child)) node.Children[part] = child = new Node();
                node = child;
            }
            node.Value = value;
        }
        input = new Input();
        return ReadStructure(model, model.Shape(shapeName), root, "", input);
    }

    private static AwsError? ReadStructure(ServiceModel model, ModelShape shape, Node node, string path, Input into)
    {
        if (node.Value is not null && path.Length > 0) return Ec2Errors.UnknownParameter(path);
        var members = shape.WireMembers(model.IsEc2Protocol);
        var found = 0;
        foreach (var member in members)
        {
            if (!node.Children.TryGetValue(member.Wire, out var child))
            {
                if (member.Required) return Ec2Errors.MissingParameter(path + member.Wire);
                continue;
            }
            found++;
            if (ReadValue(model, member.Member.Shape, child, path + member.Wire, out var value) is { } error) return error;
            into.Set(member.Name, value);
        }
        if (found == node.Children.Count) return null;
        return Ec2Errors.UnknownParameter(path + node.Children.Keys.First(k => !members.Any(m => m.Wire == k)));
    }

    private static AwsError? ReadValue(ServiceModel model, string shapeName, Node node, string path, out object value)
    {
        value = null!;
        var shape = model.Shape(shapeName);
        switch (shape.Type)
        {
            case "structure":
                var structure = new Input();
                value = structure;
                return ReadStructure(model, shape, node, path + ".", structure);
            case "list":
                var list = new List<object>();
                value = list;
                if (node.Value is not null && node.Children.Count == 0 && node.Value.Length == 0) return null; // "Name=" is an empty list
                if (node.Value is not null) return Ec2Errors.UnknownParameter(path);
                if (!model.IsEc2Protocol && !shape.Flattened)
                {
                    // The query protocol nests list items under "member" (or the member's own name).
                    var itemName = shape.Member!.LocationName ?? "member";
                    if (node.Children.Keys.FirstOrDefault(k => k != itemName) is { } stray) return Ec2Errors.UnknownParameter($"{path}.{stray}");
                    if (!node.Children.TryGetValue(itemName, out var items0)) return null;
                    node = items0;
                    path = $"{path}.{itemName}";
                }
                var items = new List<(int Index, Node Node)>();
                foreach (var (key, child) in node.Children)
                {
                    if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1)
                        return Ec2Errors.UnknownParameter($"{path}.{key}");
                    items.Add((index, child));
                }
                foreach (var (index, child) in items.OrderBy(i => i.Index))
                {
                    if (ReadValue(model, shape.Member!.Shape, child, $"{path}.{index}", out var item) is { } error) return error;
                    list.Add(item);
                }
                return null;
            case "map":
                return Ec2Errors.UnknownParameter(path);
            default:
                if (node.Children.Count > 0) return Ec2Errors.UnknownParameter($"{path}.{node.Children.Keys.First()}");
                var text = node.Value ?? "";
                value = text;
                // What is stored is written back as XML; characters XML cannot carry are refused here, once.
                if (!IsXmlText(text)) return Ec2Errors.InvalidParameterValue(path, "(characters not allowed in XML)");
                return CheckScalar(shape, text, path);
        }
    }

    private static bool IsXmlText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) continue;
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) { i++; continue; }
            return false;
        }
        return true;
    }

    private static AwsError? CheckScalar(ModelShape shape, string text, string path)
    {
        switch (shape.Type)
        {
            case "integer" or "long":
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ||
                    (shape.Type == "integer" && number is < int.MinValue or > int.MaxValue))
                    return Ec2Errors.InvalidParameterValue(path, text);
                if (number < shape.Min || number > shape.Max)
                    return Ec2Errors.InvalidParameterValueRange(path, text, (long)(shape.Min ?? long.MinValue), (long)(shape.Max ?? long.MaxValue));
                return null;
            case "boolean":
                return bool.TryParse(text, out _) ? null : Ec2Errors.InvalidParameterValue(path, text);
            case "timestamp":
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
                    ? null : Ec2Errors.InvalidParameterValue(path, text);
            case "string" when shape.Enum is { } values && !values.Contains(text):
                return Ec2Errors.InvalidParameterValue(path, text);
            default:
                return null;
        }
    }
}
