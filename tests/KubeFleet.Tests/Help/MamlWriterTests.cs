using System.Xml.Linq;
using KubeFleet.BuildTools.Help;
using KubeFleet.BuildTools.Metadata;
using KubeFleet.Tests.Harness.Fixtures;

namespace KubeFleet.Tests.Help;

public sealed class MamlWriterTests
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static readonly XElement Help = MamlWriter.Write([
        (CommandModelReader.Read(typeof(GetHarnessItemCommand)), HelpPageParser.Parse(HelpPageFixtures.CompleteGetHarnessItem, "fixture.md")),
    ]).Root!.Element(Command + "command")!;

    [Fact]
    public void Names_the_command_with_its_synopsis_and_description()
    {
        var details = Help.Element(Command + "details")!;

        Assert.Equal("Get-HarnessItem", (string)details.Element(Command + "name")!);
        Assert.Equal("Gets harness items.", (string)details.Element(Maml + "description")!.Element(Maml + "para")!);
        Assert.Equal(2, Help.Element(Maml + "description")!.Elements(Maml + "para").Count());
    }

    [Fact]
    public void Writes_one_syntax_per_parameter_set_from_the_cmdlet_metadata()
    {
        var syntax = Help.Element(Command + "syntax")!.Elements(Command + "syntaxItem")
            .Select(s => s.Elements(Command + "parameter").Select(p => (string)p.Element(Maml + "name")!).ToList()).ToList();

        Assert.Equal([["Name", "Repeat", "ProfilePath"], ["Tag", "Repeat", "ProfilePath"]], syntax);
    }

    [Fact]
    public void Describes_each_parameter_with_its_binding_attributes()
    {
        var name = Help.Element(Command + "parameters")!.Elements(Command + "parameter").Single(p => (string)p.Element(Maml + "name")! == "Name");

        Assert.Equal("0", (string)name.Attribute("position")!);
        Assert.Equal("false", (string)name.Attribute("required")!);
        Assert.Equal("ItemName", (string)name.Attribute("aliases")!);
        Assert.Equal("String[]", (string)name.Element(Command + "parameterValue")!);
        Assert.Equal("The names to get.", (string)name.Element(Maml + "description")!);
    }

    [Fact]
    public void Writes_the_examples_with_their_code_and_output()
    {
        var example = Help.Element(Command + "examples")!.Elements(Command + "example").First();

        Assert.Equal("PS> Get-HarnessItem web, db -Repeat 1", (string)example.Element(Dev + "code")!);
        Assert.Equal(
            ["Gets the items named web and db.", "Name\n----\nweb\ndb"],
            example.Element(Dev + "remarks")!.Elements(Maml + "para").Select(p => (string)p));
    }

    [Fact]
    public void Writes_the_outputs_and_links()
    {
        Assert.Equal("KubeFleet.Tests.Harness.Fixtures.HarnessItem", (string)Help.Descendants(Command + "returnValue").Single().Element(Dev + "type")!.Element(Maml + "name")!);
        Assert.Equal(["", "https://example.com/harness"], Help.Descendants(Maml + "navigationLink").Select(l => (string)l.Element(Maml + "uri")!));
    }
}
