namespace KubeFleet.Engine.Errors;

/// <summary>
/// What kind of failure an engine error is. The cmdlets map each kind onto PowerShell's
/// <c>ErrorCategory</c> of the same name; the engine itself knows nothing of PowerShell.
/// </summary>
public enum ErrorKind
{
    NotSpecified,
    InvalidArgument,
    InvalidData,
    InvalidOperation,
    ObjectNotFound,
    ResourceExists,
    ResourceUnavailable,
    AuthenticationError,
    PermissionDenied,
    SecurityError,
    ConnectionError,
    OperationTimeout,
    LimitsExceeded,
    NotInstalled,
    ReadError,
    WriteError,
    OperationStopped,
}
