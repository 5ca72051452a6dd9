using System.Reflection;
using System.Runtime.Loader;

namespace KubeFleet.Isolation;

/// <summary>
/// The module's own load context: the engine and its dependencies load from the module's
/// dependencies/ folder here, so another module's YamlDotNet in the default context never meets ours.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string dependencyDirectory;

    public DependencyLoadContext(string dependencyDirectory)
        : base("KubeFleet.Dependencies")
    {
        this.dependencyDirectory = dependencyDirectory;
    }

    /// <summary>Null for anything not shipped in dependencies/: the framework comes from the default context.</summary>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(dependencyDirectory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
