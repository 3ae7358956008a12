using System.Xml.Linq;
using LocalVpc.Ec2Api.Model;

namespace LocalVpc.Clients.Tests.Infrastructure;

/// <summary>
/// Walks an EC2 response document against the operation's output shape in botocore's model: every
/// element must be a member of its structure (by locationName), every list element an <c>item</c>.
/// </summary>
public static class ModelValidator
{
    private static readonly XNamespace Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    /// <summary>The paths of elements the model does not have for that shape; empty when the document conforms.</summary>
    public static List<string> Problems(string action, XDocument document) => Problems(ServiceModel.Ec2, action, document);

    /// <summary>The same for a query-protocol API: the members sit in <c>{Action}Result</c>, list items are <c>member</c>.</summary>
    public static List<string> QueryProblems(ServiceModel model, string action, XDocument document)
    {
        XNamespace ns = model.XmlNamespace;
        var problems = new List<string>();
        var root = document.Root!;
        if (root.Name != ns + (action + "Response")) problems.Add($"root is {root.Name}, not {action}Response in {ns}");
        var operation = model.Operations[action];
        foreach (var child in root.Elements())
        {
            if (child.Name == ns + "ResponseMetadata") continue;
            if (operation.ResultWrapper is null || child.Name != ns + operation.ResultWrapper)
            {
                problems.Add($"{action}: <{child.Name.LocalName}> is neither {operation.ResultWrapper} nor ResponseMetadata");
                continue;
            }
            foreach (var member in child.Elements()) CheckMember(model, model.Shape(operation.Output!), member, action, problems, "member");
        }
        return problems;
    }

    private static List<string> Problems(ServiceModel model, string action, XDocument document)
    {
        var problems = new List<string>();
        var root = document.Root!;
        if (root.Name != Ns + (action + "Response")) problems.Add($"root is {root.Name}, not {action}Response in {Ns}");
        var output = model.Operations[action].Output;
        foreach (var child in root.Elements())
        {
            if (child.Name.Namespace != Ns) problems.Add($"{child.Name} is outside the EC2 namespace");
            var name = child.Name.LocalName;
            if (name == "requestId") continue;
            if (output is null)
            {
                if (name != "return") problems.Add($"{action}: <{name}> but the operation has no output shape");
                continue;
            }
            CheckMember(model, model.Shape(output), child, action, problems, "item");
        }
        return problems;
    }

    private static void CheckMember(ServiceModel model, ModelShape structure, XElement element, string path, List<string> problems, string itemName)
    {
        var name = element.Name.LocalName;
        var member = structure.Members.FirstOrDefault(m => m.Value.ElementName(m.Key) == name);
        if (member.Value is null)
        {
            problems.Add($"{path}/{name} is not a member of the shape");
            return;
        }
        CheckValue(model, model.Shape(member.Value.Shape), element, $"{path}/{name}", problems, itemName);
    }

    private static void CheckValue(ServiceModel model, ModelShape shape, XElement element, string path, List<string> problems, string itemName)
    {
        switch (shape.Type)
        {
            case "structure":
                foreach (var child in element.Elements()) CheckMember(model, shape, child, path, problems, itemName);
                break;
            case "list":
                foreach (var child in element.Elements())
                {
                    if (child.Name.LocalName != itemName) problems.Add($"{path}/{child.Name.LocalName}: list elements must be <{itemName}>");
                    else CheckValue(model, model.Shape(shape.Member!.Shape), child, $"{path}/{itemName}", problems, itemName);
                }
                break;
            default:
                if (element.HasElements) problems.Add($"{path} is a {shape.Type} but has child elements");
                if (shape.Type == "boolean" && element.Value is not ("true" or "false")) problems.Add($"{path} = '{element.Value}' is not a boolean");
                if (shape.Type == "integer" && !int.TryParse(element.Value, out _)) problems.Add($"{path} = '{element.Value}' is not an integer");
                break;
        }
    }
}
