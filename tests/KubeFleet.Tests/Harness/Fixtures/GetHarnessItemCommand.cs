using System.Management.Automation;
using KubeFleet.Engine.Errors;
using KubeFleet.Hosting;

namespace KubeFleet.Tests.Harness.Fixtures;

/// <summary>Emits one item per name; "missing" fails alone, "fatal" ends the command, "noisy" warns.</summary>
[Cmdlet(VerbsCommon.Get, "HarnessItem", DefaultParameterSetName = "ByName")]
[OutputType(typeof(HarnessItem))]
public sealed class GetHarnessItemCommand : KubeFleetCmdlet
{
    [Parameter(ParameterSetName = "ByName", Position = 0)]
    [Alias("ItemName")]
    public string[] Name { get; set; } = [];

    [Parameter(ParameterSetName = "ByTag", Mandatory = true)]
    public string Tag { get; set; } = "";

    [Parameter]
    [ValidateRange(1, 100)]
    public int Repeat { get; set; } = 1;

    protected override void Process()
    {
        WriteVerbose($"Parameter set {ParameterSetName}");
        var names = ParameterSetName == "ByTag" ? [$"tagged-{Tag}"] : Name;
        foreach (var name in names)
        {
            switch (name)
            {
                case "missing":
                    WriteError(new KubeFleetException("HarnessItemNotFound", ErrorKind.ObjectNotFound, $"No item '{name}'. Run Get-HarnessItem to list them.", name));
                    continue;
                case "fatal":
                    throw new KubeFleetException("HarnessItemBroken", ErrorKind.InvalidData, "The item store is broken.", name);
                case "noisy":
                    WriteWarning($"Item '{name}' is noisy.");
                    break;
            }

            for (var i = 0; i < Repeat; i++)
            {
                WriteObject(new HarnessItem(name));
            }
        }
    }
}
