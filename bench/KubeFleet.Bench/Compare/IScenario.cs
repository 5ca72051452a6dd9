using KubeFleet.Bench.Compare.Report;

namespace KubeFleet.Bench.Compare;

/// <summary>One part of the comparison: the fleet it needs, and what it runs and reports against it.</summary>
internal interface IScenario
{
    /// <summary>Its name on the command line (<c>compare --scenario NAME</c>).</summary>
    string Name { get; }

    /// <summary>One line on what it measures, for the usage text.</summary>
    string Summary { get; }

    FleetShape Fleet { get; }

    Task<ScenarioReport> RunAsync(ScenarioContext context);
}
