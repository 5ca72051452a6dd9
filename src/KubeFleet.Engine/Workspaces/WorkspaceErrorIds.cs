namespace KubeFleet.Engine.Workspaces;

/// <summary>The stable ids of the errors about workspaces and their shared files.</summary>
public static class WorkspaceErrorIds
{
    public const string NameInvalid = "KubeWorkspaceNameInvalid";
    public const string NotFound = "KubeWorkspaceNotFound";
    public const string ExportFileExists = "ExportKubeWorkspaceFileExists";
    public const string ExportWriteFailed = "ExportKubeWorkspaceWriteFailed";
    public const string ImportFileNotFound = "ImportKubeWorkspaceFileNotFound";
    public const string ImportFileInvalid = "ImportKubeWorkspaceFileInvalid";
    public const string ImportNameConflict = "ImportKubeWorkspaceNameConflict";
    public const string ImportClusterConflict = "ImportKubeWorkspaceClusterConflict";
}
