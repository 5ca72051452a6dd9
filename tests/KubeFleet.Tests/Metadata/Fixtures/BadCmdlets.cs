using System.Management.Automation;
using KubeFleet.Engine.Connections;
using KubeFleet.Hosting;

// Cmdlets that each break one rule, to prove CmdletRules catches it. Never shipped.
namespace KubeFleet.Tests.Metadata.Fixtures;

[Cmdlet("Fetch", "KubeThing")]
[OutputType(typeof(Thing))]
public sealed class FetchKubeThingCommand : KubeFleetCmdlet;

[Cmdlet(VerbsCommon.Remove, "KubeThing")]
public sealed class RemoveKubeThingCommand : KubeFleetCmdlet;

[Cmdlet(VerbsCommon.Clear, "KubeThing", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class ClearKubeThingCommand : KubeFleetCmdlet;

[Cmdlet(VerbsCommon.Get, "KubeWidget")]
public sealed class GetKubeWidgetCommand : KubeFleetCmdlet;

[Cmdlet(VerbsCommon.Set, "KubeWidget", SupportsShouldProcess = true)]
[OutputType(typeof(Thing))]
public sealed class SetKubeWidgetCommand : KubeFleetCmdlet;

[Cmdlet(VerbsCommon.Get, "KubeNamed")]
[OutputType("KubeFleet.Thing")]
public sealed class GetKubeNamedCommand : KubeFleetCmdlet;

[Cmdlet(VerbsCommon.Get, "KubeAccess")]
[OutputType(typeof(ClusterAccess))]
public sealed class GetKubeAccessCommand : KubeFleetCmdlet
{
    [Parameter]
    public ClusterCredential? Credential { get; set; }
}

[Cmdlet(VerbsCommon.Get, "KubeLoose")]
[OutputType(typeof(LooseThing))]
public sealed class GetKubeLooseCommand : KubeFleetCmdlet;

[Cmdlet(VerbsCommon.Add, "KubeSecret", SupportsShouldProcess = true)]
public sealed class AddKubeSecretCommand : KubeFleetCmdlet
{
    [Parameter]
    public string? BearerToken { get; set; }

    [Parameter(Position = 0)]
    public string? Name { get; set; }

    [Parameter(Position = 0)]
    public string? Server { get; set; }

    [Parameter]
    public string? ErrorAction { get; set; }
}

[Cmdlet(VerbsCommon.Get, "KubeOverlap", DefaultParameterSetName = "All")]
[OutputType(typeof(Thing))]
public sealed class GetKubeOverlapCommand : KubeFleetCmdlet
{
    [Parameter(ParameterSetName = "All")]
    [Parameter(ParameterSetName = "Filtered")]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = "Filtered")]
    public string? Filter { get; set; }
}

[Cmdlet(VerbsCommon.Get, "KubeStranded", DefaultParameterSetName = "Wide")]
[OutputType(typeof(Thing))]
public sealed class GetKubeStrandedCommand : KubeFleetCmdlet
{
    [Parameter(ParameterSetName = "Wide", Mandatory = true)]
    [Parameter(ParameterSetName = "Narrow", Mandatory = true)]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = "Wide")]
    public string? Extra { get; set; }
}

[Cmdlet(VerbsCommon.Get, "KubeGadget")]
[OutputType(typeof(Gadget))]
public sealed class GetKubeGadgetCommand : KubeFleetCmdlet;

[Cmdlet(VerbsCommon.Set, "KubeGadget", SupportsShouldProcess = true)]
public sealed class SetKubeGadgetCommand : KubeFleetCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Size { get; set; }
}

[Cmdlet(VerbsLifecycle.Unregister, "KubeGadget", SupportsShouldProcess = true)]
public sealed class UnregisterKubeGadgetCommand : KubeFleetCmdlet
{
    [Parameter(Mandatory = true)]
    public string? GadgetName { get; set; }
}

public sealed class Thing
{
    public string Name { get; } = "";
}

public class LooseThing
{
    public string Name { get; set; } = "";
}

public sealed class Gadget
{
    public string GadgetName { get; } = "";

    public int Size { get; }
}
