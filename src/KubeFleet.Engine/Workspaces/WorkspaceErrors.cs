using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Workspaces;

/// <summary>The errors about workspaces and their shared files, each with what to do.</summary>
public static class WorkspaceErrors
{
    public static KubeFleetException NameInvalid(string name, string problem) => new(
        WorkspaceErrorIds.NameInvalid,
        ErrorKind.InvalidArgument,
        $"'{name}' cannot be a workspace name: it {problem}. Use letters, digits, '-', '_' and '.', such as 'payments-prod'.",
        name);

    public static KubeFleetException NotFound(string name, string profilePath) => new(
        WorkspaceErrorIds.NotFound,
        ErrorKind.ObjectNotFound,
        $"No cluster in the profile {profilePath} is in the workspace '{name}'. Get-KubeWorkspace lists the workspaces; Set-KubeCluster -AddWorkspace puts a cluster in one.",
        name);

    public static KubeFleetException ExportFileExists(string path) => new(
        WorkspaceErrorIds.ExportFileExists,
        ErrorKind.ResourceExists,
        $"The file {path} exists already. Choose another -Path, or add -Force to replace it.",
        path);

    public static KubeFleetException ExportWriteFailed(string path, Exception cause) => new(
        WorkspaceErrorIds.ExportWriteFailed,
        ErrorKind.WriteError,
        $"The workspace could not be written to {path}: {cause.Message} Check that the folder exists and that you may write to it.",
        path,
        cause);

    public static KubeFleetException ImportFileNotFound(string path) => new(
        WorkspaceErrorIds.ImportFileNotFound,
        ErrorKind.ObjectNotFound,
        $"There is no file {path}. Give the path of a file that Export-KubeWorkspace wrote.",
        path);

    public static KubeFleetException ImportFileInvalid(string path, string problem, Exception? cause = null) => new(
        WorkspaceErrorIds.ImportFileInvalid,
        ErrorKind.InvalidData,
        $"The file {path} is not a workspace KubeFleet can import: {problem}. Import only files that Export-KubeWorkspace wrote; ask whoever shared it to export it again.",
        path,
        cause);

    public static KubeFleetException NameConflict(string name, string? registeredUid, string? sharedUid, string workspace) => new(
        WorkspaceErrorIds.ImportNameConflict,
        ErrorKind.ResourceExists,
        $"The workspace '{workspace}' shares a cluster named '{name}' (kube-system UID {sharedUid ?? "unknown"}), but your cluster '{name}' is another cluster (UID {registeredUid ?? "unknown"}). It was not imported; rename yours by registering it under another name, then import again.",
        name);

    public static KubeFleetException ClusterConflict(string sharedName, string registeredName, string uid, string workspace) => new(
        WorkspaceErrorIds.ImportClusterConflict,
        ErrorKind.ResourceExists,
        $"The workspace '{workspace}' shares the cluster '{sharedName}' (kube-system UID {uid}), which you have registered as '{registeredName}'. It was not imported under a second name; put yours in the workspace with Set-KubeCluster -Name '{registeredName}' -AddWorkspace '{workspace}'.",
        sharedName);
}
