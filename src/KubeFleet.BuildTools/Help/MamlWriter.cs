using System.Xml.Linq;
using KubeFleet.BuildTools.Metadata;

namespace KubeFleet.BuildTools.Help;

/// <summary>
/// Writes PowerShell's MAML help (en-US/KubeFleet.dll-Help.xml): the prose from the help pages,
/// syntax, parameter attributes and input types from the cmdlets' own metadata, so they cannot
/// drift apart.
/// </summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static XDocument Write(IEnumerable<(CommandModel Command, HelpPage Page)> commands) =>
        new(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                Msh + "helpItems",
                new XAttribute("schema", "maml"),
                commands.Select(c => CommandElement(c.Command, c.Page))));

    private static XElement CommandElement(CommandModel command, HelpPage page) =>
        new(
            Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(
                Command + "details",
                new XElement(Command + "name", command.Name),
                new XElement(Command + "verb", command.Verb),
                new XElement(Command + "noun", command.Noun),
                Description([page.Synopsis])),
            Description(page.Description),
            new XElement(
                Command + "syntax",
                command.ParameterSetNames.Select(set => new XElement(
                    Command + "syntaxItem",
                    new XElement(Maml + "name", command.Name),
                    command.ParametersIn(set).OrderBy(p => p.In(set)!.Position ?? int.MaxValue).Select(p => Parameter(p, p.In(set)!, page))))),
            new XElement(Command + "parameters", command.Parameters.Select(p => Parameter(p, p.Sets[0], page))),
            new XElement(Command + "inputTypes", InputTypes(command).Select(t => TypeElement(Command + "inputType", t, []))),
            new XElement(
                Command + "returnValues",
                command.OutputTypes.Select(o => TypeElement(Command + "returnValue", o.TypeName, page.Outputs.GetValueOrDefault(o.TypeName) ?? []))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(page.Notes))),
            new XElement(
                Command + "examples",
                page.Examples.Select(e => new XElement(
                    Command + "example",
                    new XElement(Maml + "title", $"--------- {e.Title} ---------"),
                    new XElement(Dev + "code", e.Code),
                    new XElement(Dev + "remarks", Paragraphs(e.Output is { Length: > 0 } output ? e.Remarks.Append(output) : e.Remarks))))),
            new XElement(
                Command + "relatedLinks",
                page.RelatedLinks.Select(l => new XElement(
                    Maml + "navigationLink",
                    new XElement(Maml + "linkText", l.Text),
                    new XElement(Maml + "uri", l.Uri.StartsWith("http", StringComparison.Ordinal) ? l.Uri : "")))));

    private static XElement Parameter(ParameterModel parameter, ParameterSetMembership membership, HelpPage page) =>
        new(
            Command + "parameter",
            new XAttribute("required", membership.Mandatory ? "true" : "false"),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", parameter.SupportsWildcards ? "true" : "false"),
            new XAttribute("pipelineInput", PipelineInput(membership)),
            new XAttribute("position", membership.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named"),
            new XAttribute("aliases", parameter.Aliases.Count > 0 ? string.Join(", ", parameter.Aliases) : "none"),
            new XElement(Maml + "name", parameter.Name),
            Description(page.Parameters.GetValueOrDefault(parameter.Name) ?? []),
            parameter.IsSwitch ? null : new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), parameter.Type.Name),
            new XElement(Dev + "type", new XElement(Maml + "name", parameter.Type.Name), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", "None"));

    private static string PipelineInput(ParameterSetMembership membership) =>
        (membership.ValueFromPipeline, membership.ValueFromPipelineByPropertyName) switch
        {
            (true, true) => "True (ByValue, ByPropertyName)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };

    private static IEnumerable<string> InputTypes(CommandModel command) =>
        command.Parameters.Where(p => p.TakesPipelineInput).Select(p => p.Type.FullName!).Distinct(StringComparer.Ordinal);

    private static XElement TypeElement(XName name, string typeName, IEnumerable<string> description) =>
        new(name, new XElement(Dev + "type", new XElement(Maml + "name", typeName), new XElement(Maml + "uri")), Description(description));

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paragraphs(paragraphs));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) => paragraphs.Select(p => new XElement(Maml + "para", p));
}
