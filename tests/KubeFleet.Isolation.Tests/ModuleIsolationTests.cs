using System.Diagnostics;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace KubeFleet.Isolation.Tests;

/// <summary>
/// The whole import story in one test: a load context, its hook and the assemblies it loads belong
/// to the process, so the steps cannot run apart or in another order.
/// </summary>
public sealed class ModuleIsolationTests
{
    private const string EngineName = "KubeFleet.Engine";

    private const string Kubeconfig = """
        apiVersion: v1
        kind: Config
        current-context: prod
        clusters:
        - name: prod
          cluster:
            server: https://prod.example.com:6443
        users:
        - name: admin
          user:
            token: not-a-real-token
        contexts:
        - name: prod
          context:
            cluster: prod
            user: admin
        """;

    private static string ModuleFolder =>
        typeof(ModuleIsolationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ModuleFolder").Value!;

    [Fact]
    public void The_module_loads_its_own_YamlDotNet_beside_another_modules_and_unhooks_on_removal()
    {
        // Another module got there first: its YamlDotNet is in the default context.
        var otherYaml = typeof(YamlDotNet.Serialization.Deserializer).Assembly;
        Assert.Equal(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(otherYaml));
        Assert.Equal("13.7.1", ProductVersion(otherYaml));

        // PowerShell loads the root module into the default context and runs its initializer.
        var module = Assembly.LoadFrom(Path.Combine(ModuleFolder, "KubeFleet.dll"));
        var initializerType = Assert.Single(module.GetExportedTypes(), t => typeof(IModuleAssemblyInitializer).IsAssignableFrom(t));
        Assert.True(typeof(IModuleAssemblyCleanup).IsAssignableFrom(initializerType));
        var initializer = (IModuleAssemblyInitializer)Activator.CreateInstance(initializerType)!;
        var cleanup = (IModuleAssemblyCleanup)initializer;

        // Imported and removed before the engine was ever needed: the hook must be gone.
        initializer.OnImport();
        cleanup.OnRemove(null!);
        Assert.Throws<FileNotFoundException>(() => Assembly.Load(new AssemblyName(EngineName)));

        // Imported again. The default context cannot find the engine (it is in dependencies/), so the
        // module's hook answers, from the module's own context, as it does when the JIT first meets it.
        initializer.OnImport();
        var engine = Assembly.Load(new AssemblyName(EngineName));
        var moduleContext = AssemblyLoadContext.GetLoadContext(engine)!;
        Assert.NotEqual(AssemblyLoadContext.Default, moduleContext);
        Assert.Equal(Path.Combine(ModuleFolder, "dependencies", "KubeFleet.Engine.dll"), engine.Location);

        // A YamlDotNet reference from the engine resolves in the module's context to the module's
        // 16.3.0; the other module's copy stays where it was.
        var engineYaml = moduleContext.LoadFromAssemblyName(new AssemblyName("YamlDotNet"));
        Assert.Equal(moduleContext, AssemblyLoadContext.GetLoadContext(engineYaml));
        Assert.Equal("16.3.0", ProductVersion(engineYaml));
        Assert.Same(otherYaml, typeof(YamlDotNet.Serialization.Deserializer).Assembly);

        // The engine's kubeconfig reader, running on the module's YamlDotNet, parses a kubeconfig.
        var loader = engine.GetType("KubeFleet.Engine.KubeConfig.KubeConfigLoader", throwOnError: true)!;
        var loaded = loader.GetMethod("LoadText")!.Invoke(null, [Kubeconfig, null])!;
        var resolved = loaded.GetType().GetMethod("ResolveContext")!.Invoke(loaded, [null])!;
        Assert.Equal("prod", resolved.GetType().GetProperty("ContextName")!.GetValue(resolved));
        var access = resolved.GetType().GetProperty("Access")!.GetValue(resolved)!;
        Assert.Equal(new Uri("https://prod.example.com:6443"), access.GetType().GetProperty("Server")!.GetValue(access));
        Assert.Contains(engineYaml, AssemblyLoadContext.GetLoadContext(engine)!.Assemblies);

        // The cmdlets assembly uses engine types across the context boundary.
        var kubeFleetException = engine.GetType("KubeFleet.Engine.Errors.KubeFleetException", throwOnError: true)!;
        var errorKind = engine.GetType("KubeFleet.Engine.Errors.ErrorKind", throwOnError: true)!;
        var exception = Activator.CreateInstance(kubeFleetException, "ProfileNotFound", Enum.Parse(errorKind, "ObjectNotFound"), "No profile.", "/p.json", null)!;
        var error = module.GetType("KubeFleet.Hosting.CmdletError", throwOnError: true)!.GetMethod("From")!.Invoke(null, [exception])!;
        Assert.Equal(ErrorCategory.ObjectNotFound, error.GetType().GetProperty("Category")!.GetValue(error));

        cleanup.OnRemove(null!);
    }

    private static string ProductVersion(Assembly assembly) =>
        FileVersionInfo.GetVersionInfo(assembly.Location).ProductVersion!.Split('+')[0];
}
