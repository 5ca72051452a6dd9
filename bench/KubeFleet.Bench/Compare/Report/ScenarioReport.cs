namespace KubeFleet.Bench.Compare.Report;

/// <summary>A scenario's part of the record: a heading, what was run and measured (markdown), and the goals it checks.</summary>
internal sealed record ScenarioReport(string Title, string Body, IReadOnlyList<GoalCheck> Goals);
