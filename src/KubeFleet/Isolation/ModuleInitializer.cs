using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace KubeFleet.Isolation;

/// <summary>
/// Hooks the engine's load context up when PowerShell imports the module and unhooks it on
/// Remove-Module (the pattern of PowerShell's "Resolving module assembly dependency conflicts").
/// KubeFleet.dll lives in the default context; when it first touches the engine, the default
/// context cannot find KubeFleet.Engine (it is in dependencies/, off every probing path) and asks
/// <see cref="AssemblyLoadContext.Resolving"/>, which answers for the engine's name only.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public const string EngineAssemblyName = "KubeFleet.Engine";

    public const string DependencyFolderName = "dependencies";

    private static readonly object Gate = new();

    // Imports and removals can repeat (several runspaces, Import-Module -Force); the hook is
    // installed once and removed with the last removal. The context itself lives as long as the
    // process: KubeFleet.dll stays bound to the engine it resolved first.
    private static int imports;
    private static DependencyLoadContext? context;

    internal static DependencyLoadContext Context
    {
        get
        {
            lock (Gate)
            {
                return context ??= new DependencyLoadContext(
                    Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, DependencyFolderName));
            }
        }
    }

    public void OnImport()
    {
        lock (Gate)
        {
            if (imports++ == 0)
            {
                AssemblyLoadContext.Default.Resolving += ResolveEngine;
            }
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        lock (Gate)
        {
            if (imports > 0 && --imports == 0)
            {
                AssemblyLoadContext.Default.Resolving -= ResolveEngine;
            }
        }
    }

    private static Assembly? ResolveEngine(AssemblyLoadContext requester, AssemblyName name) =>
        name.Name == EngineAssemblyName ? Context.LoadFromAssemblyName(name) : null;
}
