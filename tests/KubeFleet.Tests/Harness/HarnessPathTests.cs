using KubeFleet.Tests.Harness.Fixtures;

namespace KubeFleet.Tests.Harness;

public sealed class HarnessPathTests
{
    private static readonly string WorkingDirectory = Path.Combine(Path.GetTempPath(), "kubefleet-harness", "work");
    private static readonly string HomeDirectory = Path.Combine(Path.GetTempPath(), "kubefleet-harness", "home");

    private static CmdletHarness<ResolveHarnessPathCommand> Harness() =>
        new CmdletHarness<ResolveHarnessPathCommand>().InDirectory(WorkingDirectory).WithHomeDirectory(HomeDirectory);

    [Fact]
    public void Resolves_a_relative_path_against_PowerShell_location_not_the_process_directory()
    {
        var run = Harness().With("Path", "fleet/profile.json").Invoke();

        Assert.Equal(Path.Combine(WorkingDirectory, "fleet", "profile.json"), run.Output[0]);
    }

    [Fact]
    public void Expands_the_home_directory()
    {
        var run = Harness().With("Path", "~/profile.json").Invoke();

        Assert.Equal(Path.Combine(HomeDirectory, "profile.json"), run.Output[0]);
    }

    [Fact]
    public void Refuses_a_path_on_another_provider()
    {
        var run = Harness().With("Path", "Env:KUBECONFIG").Invoke();

        Assert.NotNull(run.TerminatingError);
        Assert.Equal("PathNotFileSystem", run.TerminatingError.ErrorId);
        Assert.Equal("Env:KUBECONFIG", run.TerminatingError.Target);
        Assert.Contains("Environment provider", run.TerminatingError.Message);
    }

    [Fact]
    public void Takes_the_profile_from_the_environment_variable_when_no_ProfilePath_is_given()
    {
        var run = Harness().WithEnvironmentVariable("KUBEFLEET_PROFILE", "shared/fleet.json").Invoke();

        Assert.Equal(Path.Combine(WorkingDirectory, "shared", "fleet.json"), Assert.Single(run.Output));
    }

    [Fact]
    public void Prefers_ProfilePath_over_the_environment_variable()
    {
        var run = Harness().WithEnvironmentVariable("KUBEFLEET_PROFILE", "shared/fleet.json").With("ProfilePath", "mine.json").Invoke();

        Assert.Equal(Path.Combine(WorkingDirectory, "mine.json"), Assert.Single(run.Output));
    }

    [Fact]
    public void Leaves_the_profile_to_the_engine_default_when_neither_is_given()
    {
        var run = Harness().Invoke();

        Assert.Equal("(default profile)", Assert.Single(run.Output));
    }
}
