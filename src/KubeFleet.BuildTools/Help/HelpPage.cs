namespace KubeFleet.BuildTools.Help;

/// <summary>One cmdlet's help page as written in docs/cmdlets/&lt;Verb-Noun&gt;.md.</summary>
public sealed record HelpPage
{
    public required string CommandName { get; init; }

    public string Synopsis { get; init; } = "";

    public IReadOnlyList<string> Description { get; init; } = [];

    /// <summary>Paragraphs per parameter name, as the page's "### -Name" sections give them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<HelpExample> Examples { get; init; } = [];

    /// <summary>Paragraphs per output type name, from the "## OUTPUTS" section.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Outputs { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<string> Notes { get; init; } = [];

    public IReadOnlyList<HelpLink> RelatedLinks { get; init; } = [];
}

/// <summary>An example: its title, the PowerShell it runs, what it prints, and what it shows.</summary>
public sealed record HelpExample(string Title, string Code, string? Output, IReadOnlyList<string> Remarks);

public sealed record HelpLink(string Text, string Uri);
