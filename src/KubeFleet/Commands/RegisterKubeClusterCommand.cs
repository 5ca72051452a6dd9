using System.Collections;
using System.Management.Automation;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Registry;

namespace KubeFleet.Commands;

/// <summary>
/// Register-KubeCluster: adds a cluster (or every context of a kubeconfig) to the profile after
/// verifying it against the cluster, with its credential sealed.
/// </summary>
[Cmdlet(VerbsLifecycle.Register, "KubeCluster", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(KubeCluster))]
public sealed class RegisterKubeClusterCommand : KubeClusterCommand
{
    private const string PathSet = "Path";
    private const string TextSet = "Text";
    private const string AllContextsPathSet = "AllContextsPath";
    private const string AllContextsTextSet = "AllContextsText";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = TextSet)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(Position = 1, ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = AllContextsPathSet)]
    [ValidateNotNullOrEmpty]
    public string[]? KubeConfigPath { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = TextSet)]
    [Parameter(Mandatory = true, ParameterSetName = AllContextsTextSet)]
    [ValidateNotNullOrEmpty]
    public string? KubeConfig { get; set; }

    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = TextSet)]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AllContextsPathSet)]
    [Parameter(Mandatory = true, ParameterSetName = AllContextsTextSet)]
    public SwitchParameter AllContexts { get; set; }

    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = TextSet)]
    public string? DisplayName { get; set; }

    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = TextSet)]
    public string? Description { get; set; }

    [Parameter]
    public Hashtable? Label { get; set; }

    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = TextSet)]
    [ValidateNotNullOrEmpty]
    public string? Server { get; set; }

    [Parameter]
    public Hashtable? ExecEnvironment { get; set; }

    [Parameter]
    public SwitchParameter SkipVerification { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process()
    {
        using var session = OpenSession();
        var kubeConfig = LoadKubeConfig(KubeConfigPath, KubeConfig);
        var options = new RegistrationOptions
        {
            DisplayName = DisplayName,
            Description = Description,
            Labels = ClusterLabels.Checked(LabelsFrom(Label)),
            SkipVerification = IsSwitchPresent(nameof(SkipVerification)),
            AllowDuplicateCluster = IsSwitchPresent(nameof(Force)),
        };
        var source = new AccessSource { KubeConfig = kubeConfig, Server = Server, ExecEnvironment = ExecEnvironmentFrom(ExecEnvironment) };
        var wanted = IsSwitchPresent(nameof(AllContexts))
            ? source.PerContext()
            : [(Name, source with { ContextName = Context })];

        var plans = new List<RegistrationPlan>();
        foreach (var (name, contextSource) in wanted)
        {
            if (Plan(session.Registrar, name, contextSource, options) is { } plan && ShouldProcess(plan.Name, plan.Action))
            {
                plans.Add(plan);
            }
        }

        if (plans.Count == 0)
        {
            return;
        }

        foreach (var outcome in session.Registrar.RegisterAsync(plans, PipelineStopToken).GetAwaiter().GetResult())
        {
            WriteOutcome(outcome, IsSwitchPresent(nameof(PassThru)));
        }
    }

    /// <summary>Plans one registration and tells what it will use; a registration that cannot be planned is a non-terminating error.</summary>
    private RegistrationPlan? Plan(ClusterRegistrar registrar, string name, AccessSource source, RegistrationOptions options)
    {
        RegistrationPlan plan;
        try
        {
            plan = registrar.Plan(name, source, options);
        }
        catch (KubeFleetException error)
        {
            WriteError(error);
            return null;
        }

        foreach (var detail in plan.Details)
        {
            WriteVerbose(detail);
        }

        foreach (var warning in plan.Warnings)
        {
            WriteWarningOnce(warning);
        }

        return plan;
    }
}
