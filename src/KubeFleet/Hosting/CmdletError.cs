using System.Management.Automation;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Hosting;

/// <summary>
/// An error as the user sees it: the stable id (PowerShell appends the cmdlet's class to form the
/// FullyQualifiedErrorId), the category, the message, the target and the exception behind it.
/// PowerShell gets an ErrorRecord built from it; the harness records it as it is.
/// </summary>
public sealed record CmdletError(string ErrorId, ErrorCategory Category, string Message, object? Target, Exception Exception)
{
    public static CmdletError From(KubeFleetException exception) =>
        new(exception.ErrorId, ErrorCategories.For(exception.Kind), exception.Message, exception.Target, exception);
}
