using System.Management.Automation;
using KubeFleet.Hosting;

namespace KubeFleet.Tests.Harness.Fixtures;

/// <summary>Writes -Path resolved, then the profile path the command would use.</summary>
[Cmdlet(VerbsDiagnostic.Resolve, "HarnessPath")]
[OutputType(typeof(string))]
public sealed class ResolveHarnessPathCommand : KubeFleetCmdlet
{
    [Parameter(Position = 0)]
    public string? Path { get; set; }

    protected override void Process()
    {
        if (Path is not null)
        {
            WriteObject(ResolveFileSystemPath(Path));
        }

        WriteObject(ResolveProfilePath() ?? "(default profile)");
    }
}
