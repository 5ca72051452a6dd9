namespace KubeFleet.Engine.Insight.Audit;

/// <summary>
/// The rules an audit runs: the built-in rules, changed by rule files in order. A file's rule
/// replaces an earlier rule with the same id (in its place) or is added after the others; a file's
/// <c>disable</c> list turns earlier rules off.
/// </summary>
public sealed class AuditRuleSet
{
    /// <summary>The <see cref="AuditRule.Origin"/> of the rules that ship with KubeFleet.</summary>
    public const string BuiltInOrigin = "built-in";

    private const string BuiltInResource = "KubeFleet.Engine.Insight.Audit.BuiltInAuditRules.json";

    private static readonly Lazy<AuditRuleSet> BuiltInRules = new(LoadBuiltIn);

    // Every id defined so far, disabled ones too, so two files may both disable a rule.
    private readonly IReadOnlySet<string> knownIds;

    private AuditRuleSet(IReadOnlyList<AuditRule> rules, IReadOnlySet<string> knownIds)
    {
        Rules = rules;
        this.knownIds = knownIds;
    }

    /// <summary>The rules that ship with KubeFleet.</summary>
    public static AuditRuleSet BuiltIn => BuiltInRules.Value;

    /// <summary>The rules that run, in the order findings are reported.</summary>
    public IReadOnlyList<AuditRule> Rules { get; }

    /// <summary>The rule file in the profile's folder that every audit with that profile applies, when it exists.</summary>
    public const string ProfileRuleFileName = "audit-rules.json";

    /// <summary>
    /// The rules an audit with this profile runs: the built-in rules, changed by
    /// <see cref="ProfileRuleFileName"/> beside the profile when it exists, then by each of
    /// <paramref name="ruleFiles"/> in turn.
    /// </summary>
    /// <exception cref="Errors.KubeFleetException">Any error of <see cref="AuditRuleFile.Read"/> or <see cref="With"/>.</exception>
    public static AuditRuleSet LoadFor(string profilePath, IEnumerable<string> ruleFiles)
    {
        ArgumentNullException.ThrowIfNull(profilePath);
        var besideProfile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(profilePath)) ?? "", ProfileRuleFileName);
        return Load(File.Exists(besideProfile) ? ruleFiles.Prepend(besideProfile) : ruleFiles);
    }

    /// <summary>The built-in rules changed by each file in turn.</summary>
    /// <exception cref="Errors.KubeFleetException">Any error of <see cref="AuditRuleFile.Read"/> or <see cref="With"/>.</exception>
    public static AuditRuleSet Load(IEnumerable<string> ruleFiles) =>
        ruleFiles.Aggregate(BuiltIn, (rules, path) => rules.With(AuditRuleFile.Read(path)));

    /// <summary>This set changed by one rule file.</summary>
    /// <exception cref="Errors.KubeFleetException">AuditRuleUnknown when the file disables an id no earlier rule has.</exception>
    public AuditRuleSet With(AuditRuleFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var rules = Rules.ToList();
        var ids = new HashSet<string>(knownIds, StringComparer.OrdinalIgnoreCase);
        foreach (var id in file.Disabled)
        {
            if (!ids.Contains(id))
                throw AuditRuleErrors.UnknownDisabled(file.Origin, id, ids.Order(StringComparer.OrdinalIgnoreCase));
            rules.RemoveAll(rule => string.Equals(rule.Id, id, StringComparison.OrdinalIgnoreCase));
        }
        foreach (var rule in file.Rules)
        {
            ids.Add(rule.Id);
            var existing = rules.FindIndex(earlier => string.Equals(earlier.Id, rule.Id, StringComparison.OrdinalIgnoreCase));
            if (existing >= 0)
                rules[existing] = rule;
            else
                rules.Add(rule);
        }
        return new AuditRuleSet(rules, ids);
    }

    private static AuditRuleSet LoadBuiltIn()
    {
        using var stream = typeof(AuditRuleSet).Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new InvalidOperationException($"The engine assembly lacks its built-in audit rules ({BuiltInResource}); it was built wrongly.");
        using var reader = new StreamReader(stream);
        return new AuditRuleSet([], new HashSet<string>()).With(AuditRuleFile.Parse(reader.ReadToEnd(), BuiltInOrigin));
    }
}
