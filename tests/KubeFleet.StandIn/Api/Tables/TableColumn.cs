namespace KubeFleet.StandIn.Api.Tables;

/// <summary>A <c>TableColumnDefinition</c>: columns of priority above 0 are shown only with <c>-o wide</c>.</summary>
internal sealed record TableColumn(string Name, string Type, string Description, int Priority = 0, string Format = "");

/// <summary>The columns many printers share, and shorthands for the rest.</summary>
internal static class Columns
{
    /// <summary>The metav1.ObjectMeta documentation the real printers use for their Name column.</summary>
    public const string NameDescription =
        "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

    /// <summary>The metav1.ObjectMeta documentation the real printers use for their Age column.</summary>
    public const string CreationTimestampDescription =
        "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    public static readonly TableColumn Name = new("Name", "string", NameDescription, Format: "name");

    public static readonly TableColumn Age = new("Age", "string", CreationTimestampDescription);

    public static readonly TableColumn Containers = new("Containers", "string", "Names of each container in the template.", 1);

    public static readonly TableColumn Images = new("Images", "string", "Images referenced by each container in the template.", 1);

    public static TableColumn Text(string name, string description, int priority = 0) => new(name, "string", description, priority);

    public static TableColumn Integer(string name, string description, int priority = 0) => new(name, "integer", description, priority);
}

/// <summary>A row condition kubectl can use to hide finished objects (<c>TableRowCondition</c>).</summary>
internal sealed record RowCondition(string Type, string Status, string Reason, string Message);
