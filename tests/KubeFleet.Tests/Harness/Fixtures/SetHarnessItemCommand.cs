using System.Management.Automation;
using KubeFleet.Hosting;

namespace KubeFleet.Tests.Harness.Fixtures;

/// <summary>Changes items: reports what it was given, so tests see binding and ShouldProcess.</summary>
[Cmdlet(VerbsCommon.Set, "HarnessItem", SupportsShouldProcess = true)]
[OutputType(typeof(HarnessItem))]
public sealed class SetHarnessItemCommand : KubeFleetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process()
    {
        if (!ShouldProcess(Name, "Set description"))
        {
            return;
        }

        WriteVerbose(IsParameterBound(nameof(Description)) ? $"description of {Name} set to '{Description}'" : $"description of {Name} kept");
        if (IsSwitchPresent(nameof(PassThru)))
        {
            WriteObject(new HarnessItem(Name, Description));
        }
    }
}
