namespace KubeFleet.Engine.Insight.Audit;

/// <summary>Collects resource audits as they arrive and scores them per group at the end.</summary>
public sealed class AuditScoreBoard
{
    private readonly Func<string, IEnumerable<string>> workspacesOf;
    private readonly Dictionary<(string? Workspace, string? Cluster, string? Namespace), Tally> tallies = [];

    /// <param name="workspacesOf">The workspaces of a cluster, by its name; needed for <see cref="AuditGrouping.Workspace"/>.</param>
    public AuditScoreBoard(AuditGrouping grouping, Func<string, IEnumerable<string>>? workspacesOf = null)
    {
        if (grouping == AuditGrouping.Workspace && workspacesOf is null)
            throw new ArgumentNullException(nameof(workspacesOf), "Grouping by workspace needs the workspaces of each cluster.");
        Grouping = grouping;
        this.workspacesOf = workspacesOf ?? (_ => []);
    }

    public AuditGrouping Grouping { get; }

    public void Add(ResourceAudit audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        foreach (var key in KeysOf(audit))
        {
            if (!tallies.TryGetValue(key, out var tally))
                tallies[key] = tally = new Tally();
            tally.Add(audit);
        }
    }

    /// <summary>Every group seen, ordered by workspace, cluster and namespace; groups without a workspace or namespace first.</summary>
    public IReadOnlyList<AuditGroupScore> Scores() =>
        tallies
            .OrderBy(entry => entry.Key.Workspace, StringComparer.Ordinal)
            .ThenBy(entry => entry.Key.Cluster, StringComparer.Ordinal)
            .ThenBy(entry => entry.Key.Namespace, StringComparer.Ordinal)
            .Select(entry => new AuditGroupScore(
                Grouping,
                entry.Key.Workspace,
                entry.Key.Cluster,
                entry.Key.Namespace,
                entry.Value.Resources,
                entry.Value.ResourcesWithFindings,
                entry.Value.Findings,
                entry.Value.Score))
            .ToList();

    private IEnumerable<(string?, string?, string?)> KeysOf(ResourceAudit audit)
    {
        switch (Grouping)
        {
            case AuditGrouping.Cluster:
                return [(null, audit.Cluster, null)];
            case AuditGrouping.Namespace:
                return [(null, audit.Cluster, audit.Namespace)];
            default:
                var workspaces = workspacesOf(audit.Cluster).Distinct(StringComparer.Ordinal).ToList();
                return workspaces.Count == 0 ? [(null, null, null)] : workspaces.Select(workspace => ((string?)workspace, (string?)null, (string?)null));
        }
    }

    private sealed class Tally
    {
        private double scoreSum;

        public int Resources { get; private set; }

        public int ResourcesWithFindings { get; private set; }

        public int Findings { get; private set; }

        public double Score => Resources == 0 ? ComplianceScore.Clean : scoreSum / Resources;

        public void Add(ResourceAudit audit)
        {
            Resources++;
            Findings += audit.Findings.Count;
            if (audit.Findings.Count > 0)
                ResourcesWithFindings++;
            scoreSum += audit.Score;
        }
    }
}
