using System.Management.Automation;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Hosting;

/// <summary>Maps the engine's <see cref="ErrorKind"/> onto PowerShell's category of the same name.</summary>
public static class ErrorCategories
{
    public static ErrorCategory For(ErrorKind kind) => Enum.Parse<ErrorCategory>(kind.ToString());
}
