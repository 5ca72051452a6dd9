using System.Xml.Linq;
using KubeFleet.BuildTools.Help;
using KubeFleet.BuildTools.Metadata;
using KubeFleet.Hosting;

namespace KubeFleet.Tests.Help;

/// <summary>The shipped cmdlets against their pages in docs/cmdlets and the built MAML file.</summary>
public sealed class ModuleHelpTests
{
    private static readonly IReadOnlyList<CommandModel> Cmdlets = CommandModelReader.ReadAll(typeof(KubeFleetCmdlet).Assembly);

    [Fact]
    public void Every_cmdlet_has_a_complete_help_page()
    {
        var problems = Cmdlets.SelectMany(command =>
        {
            var path = Path.Combine(RepositoryPaths.CmdletDocs, command.Name + ".md");
            return File.Exists(path)
                ? HelpCoverage.Problems(command, HelpPageParser.Parse(File.ReadAllText(path), path)).Select(p => $"{command.Name}: {p}")
                : [$"{command.Name}: no help page at docs/cmdlets/{command.Name}.md"];
        });

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_help_page_is_for_a_cmdlet_that_exists()
    {
        var pages = Directory.EnumerateFiles(RepositoryPaths.CmdletDocs, "*.md")
            .Select(Path.GetFileNameWithoutExtension).Where(name => name != "README");

        Assert.Empty(pages.Except(Cmdlets.Select(c => c.Name), StringComparer.Ordinal));
    }

    [Fact]
    public void The_built_help_file_holds_every_cmdlet()
    {
        var maml = XDocument.Load(Path.Combine(RepositoryPaths.ModuleFolder, "en-US", "KubeFleet.dll-Help.xml"));
        XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";

        Assert.Equal(
            Cmdlets.Select(c => c.Name).Order(StringComparer.Ordinal),
            maml.Descendants(command + "details").Select(d => (string)d.Element(command + "name")!).Order(StringComparer.Ordinal));
    }
}
