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
    public static List<string> Problems(string action, XDocument document)
    {
        var model = ServiceModel.Ec2;
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
            CheckMember(model, model.Shape(output), child, action, problems);
        }
        return problems;
    }

    private static void CheckMember(ServiceModel model, ModelShape structure, XElement element, string path, List<string> problems)
    {
        var name = element.Name.LocalName;
        var member = structure.Members.FirstOrDefault(m => m.Value.ElementName(m.Key) == name);
        if (member.Value is null)
        {
            problems.Add($"{path}/{name} is not a member of the shape");
            return;
        }
        CheckValue(model, model.Shape(member.Value.Shape), element, $"{path}/{name}", problems);
    }

    private static void CheckValue(ServiceModel model, ModelShape shape, XElement element, string path, List<string> problems)
    {
        switch (shape.Type)
        {
            case "structure":
                foreach (var child in element.Elements()) CheckMember(model, shape, child, path, problems);
                break;
            case "list":
                foreach (var child in element.Elements())
                {
                    if (child.Name.LocalName != "item") problems.Add($"{path}/{child.Name.LocalName}: list elements must be <item>");
                    else CheckValue(model, model.Shape(shape.Member!.Shape), child, path + "/item", problems);
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
