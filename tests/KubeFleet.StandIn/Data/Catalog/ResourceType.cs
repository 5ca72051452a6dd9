namespace KubeFleet.StandIn.Data.Catalog;

/// <summary>
/// One resource a cluster serves, with everything discovery advertises about it. The same record drives
/// routing, list kinds, table printers and authorization, so what a client discovers is what it gets.
/// </summary>
public sealed record ResourceType
{
    /// <summary>Empty for the core group.</summary>
    public required string Group { get; init; }

    public required string Version { get; init; }

    /// <summary>The plural lower-case name used in URLs, e.g. <c>deployments</c>.</summary>
    public required string Resource { get; init; }

    public required string Kind { get; init; }

    public required string Singular { get; init; }

    public required bool Namespaced { get; init; }

    public required IReadOnlyList<string> Verbs { get; init; }

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<SubresourceType> Subresources { get; init; } = [];

    /// <summary>
    /// Served from a CustomResourceDefinition: its objects are unstructured, so list items keep their
    /// <c>kind</c>/<c>apiVersion</c> and every JSON object's keys are sorted, as the real server encodes them.
    /// </summary>
    public bool IsCustom { get; init; }

    /// <summary>Columns a CustomResourceDefinition declares for table output; empty for built-in kinds.</summary>
    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];

    /// <summary><c>v1</c> for the core group, otherwise <c>group/version</c>.</summary>
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>The resource as the server names it in messages: <c>pods</c>, <c>deployments.apps</c>.</summary>
    public string QualifiedResource => Group.Length == 0 ? Resource : $"{Resource}.{Group}";

    public bool Supports(string verb) => Verbs.Contains(verb);

    public SubresourceType? FindSubresource(string name) => Subresources.FirstOrDefault(s => s.Name == name);
}

/// <summary>A subresource such as <c>status</c> or <c>scale</c>, with the kind it answers with.</summary>
public sealed record SubresourceType(string Name, string Group, string Version, string Kind, IReadOnlyList<string> Verbs);

/// <summary>An <c>additionalPrinterColumns</c> entry of a CustomResourceDefinition.</summary>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, int Priority = 0, string Description = "");
