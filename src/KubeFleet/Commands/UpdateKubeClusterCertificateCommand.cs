using System.Collections;
using System.Management.Automation;
using KubeFleet.Completers;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Registry;

namespace KubeFleet.Commands;

/// <summary>
/// Update-KubeClusterCertificate: gives a registered cluster a new credential from a kubeconfig,
/// verified first and required to reach the same cluster; the old credential stays on any failure.
/// </summary>
[Cmdlet(VerbsData.Update, "KubeClusterCertificate", SupportsShouldProcess = true, DefaultParameterSetName = NamePathSet)]
[OutputType(typeof(KubeCluster))]
public sealed class UpdateKubeClusterCertificateCommand : KubeClusterCommand
{
    private const string NamePathSet = "NamePath";
    private const string NameTextSet = "NameText";
    private const string InputObjectPathSet = "InputObjectPath";
    private const string InputObjectTextSet = "InputObjectText";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NamePathSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameTextSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ClusterNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = InputObjectPathSet, ValueFromPipeline = true)]
    [Parameter(Mandatory = true, ParameterSetName = InputObjectTextSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public KubeCluster? InputObject { get; set; }

    [Parameter(Position = 1, ParameterSetName = NamePathSet)]
    [Parameter(ParameterSetName = InputObjectPathSet)]
    [ValidateNotNullOrEmpty]
    public string[]? KubeConfigPath { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = NameTextSet)]
    [Parameter(Mandatory = true, ParameterSetName = InputObjectTextSet)]
    [ValidateNotNullOrEmpty]
    public string? KubeConfig { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Server { get; set; }

    [Parameter]
    public Hashtable? ExecEnvironment { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process()
    {
        var name = InputObject?.Name ?? Name;
        using var session = OpenSession();
        var source = new AccessSource
        {
            KubeConfig = LoadKubeConfig(KubeConfigPath, KubeConfig),
            ContextName = Context,
            Server = Server,
            ExecEnvironment = ExecEnvironmentFrom(ExecEnvironment),
        };
        RotationPlan plan;
        try
        {
            plan = session.Rotation.Plan(name, source, allowOtherCluster: IsSwitchPresent(nameof(Force)));
        }
        catch (KubeFleetException error)
        {
            WriteError(error);
            return;
        }

        foreach (var detail in plan.Details)
        {
            WriteVerbose(detail);
        }

        foreach (var warning in plan.Warnings)
        {
            WriteWarningOnce(warning);
        }

        if (ShouldProcess(plan.ClusterName, plan.Action))
        {
            WriteOutcome(session.Rotation.RotateAsync(plan, PipelineStopToken).GetAwaiter().GetResult(), IsSwitchPresent(nameof(PassThru)));
        }
    }
}
