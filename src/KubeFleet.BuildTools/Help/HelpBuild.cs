using System.Reflection;
using KubeFleet.BuildTools.Metadata;

namespace KubeFleet.BuildTools.Help;

/// <summary>
/// Builds the module's MAML file from the cmdlets assembly and docs/cmdlets. The assembly is read
/// in a MetadataLoadContext: its attributes as compiled, without running or binding anything.
/// </summary>
public static class HelpBuild
{
    /// <returns>The cmdlets that have no help page yet (a test fails on them; the build goes on).</returns>
    public static IReadOnlyList<string> Run(string cmdletsAssembly, IEnumerable<string> references, string docsDirectory, string destination)
    {
        var paths = references.Append(cmdletsAssembly).Distinct(StringComparer.Ordinal).ToList();
        using var context = new MetadataLoadContext(new PathAssemblyResolver(paths), coreAssemblyName: "System.Runtime");
        var commands = CommandModelReader.ReadAll(context.LoadFromAssemblyPath(cmdletsAssembly));
        var documented = new List<(CommandModel, HelpPage)>();
        var undocumented = new List<string>();
        foreach (var command in commands)
        {
            var pagePath = Path.Combine(docsDirectory, command.Name + ".md");
            if (File.Exists(pagePath))
            {
                documented.Add((command, HelpPageParser.Parse(File.ReadAllText(pagePath), pagePath)));
            }
            else
            {
                undocumented.Add(command.Name);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        MamlWriter.Write(documented).Save(destination);
        return undocumented;
    }
}
