namespace KubeFleet.Engine.Errors;

/// <summary>
/// A failure a user can cause or must act on. <see cref="ErrorId"/> is stable (scripts and Pester
/// match on it); <see cref="Exception.Message"/> says what was wrong and what to do, and never
/// carries a secret.
/// </summary>
public class KubeFleetException : Exception
{
    public KubeFleetException(string errorId, ErrorKind kind, string message, object? target = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Kind = kind;
        Target = target;
    }

    /// <summary>PascalCase identifier, unique per failure, e.g. <c>ProfileCorrupt</c>.</summary>
    public string ErrorId { get; }

    public ErrorKind Kind { get; }

    /// <summary>What the failure is about: a cluster name, a path, a query. Never a secret.</summary>
    public object? Target { get; }
}
