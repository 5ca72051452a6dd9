using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;

namespace KubeFleet.Engine.Tests.Profile;

public sealed class ProfileLocationTests
{
    private static readonly string Root = Path.GetTempPath();

    [Fact]
    public void ExplicitPathWinsOverVariableAndDefault()
    {
        var explicitPath = Path.Combine(Root, "explicit.json");
        var environment = new TestProfileEnvironment { Home = Root }.With("KUBEFLEET_PROFILE", Path.Combine(Root, "variable.json"));

        var location = ProfileLocation.Resolve(explicitPath, environment);

        Assert.Equal(explicitPath, location.Path);
        Assert.Equal(ProfileLocationSource.Explicit, location.Source);
    }

    [Fact]
    public void VariableWinsOverDefault()
    {
        var variablePath = Path.Combine(Root, "variable.json");
        var environment = new TestProfileEnvironment { Home = Root }.With("KUBEFLEET_PROFILE", variablePath);

        var location = ProfileLocation.Resolve(null, environment);

        Assert.Equal(variablePath, location.Path);
        Assert.Equal(ProfileLocationSource.EnvironmentVariable, location.Source);
    }

    [Fact]
    public void EmptyVariableCountsAsUnset()
    {
        var environment = new TestProfileEnvironment { IsWindows = false, Home = Root }.With("KUBEFLEET_PROFILE", "");

        Assert.Equal(ProfileLocationSource.Default, ProfileLocation.Resolve(null, environment).Source);
    }

    [Fact]
    public void DefaultOnWindowsIsInApplicationData()
    {
        var appData = Path.Combine(Root, "AppData", "Roaming");
        var environment = new TestProfileEnvironment { IsWindows = true, AppData = appData };

        Assert.Equal(Path.Combine(appData, "KubeFleet", "profile.json"), ProfileLocation.Resolve(null, environment).Path);
    }

    [Fact]
    public void DefaultElsewhereIsInXdgConfigHome()
    {
        var configHome = Path.Combine(Root, "xdg");
        var environment = new TestProfileEnvironment { IsWindows = false, Home = Root }.With("XDG_CONFIG_HOME", configHome);

        Assert.Equal(Path.Combine(configHome, "kubefleet", "profile.json"), ProfileLocation.Resolve(null, environment).Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("relative/config")]
    public void DefaultElsewhereFallsBackToDotConfigWhenXdgConfigHomeIsUnsetOrRelative(string configHome)
    {
        var environment = new TestProfileEnvironment { IsWindows = false, Home = Root }.With("XDG_CONFIG_HOME", configHome);

        Assert.Equal(Path.Combine(Root, ".config", "kubefleet", "profile.json"), ProfileLocation.Resolve(null, environment).Path);
    }

    [Fact]
    public void NoHomeAndNoSettingIsAClearError()
    {
        var error = Assert.Throws<KubeFleetException>(() => ProfileLocation.Resolve(null, new TestProfileEnvironment { IsWindows = false }));

        Assert.Equal("ProfilePathUnavailable", error.ErrorId);
        Assert.Contains("KUBEFLEET_PROFILE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RelativePathIsMadeFull()
    {
        var location = ProfileLocation.Resolve("some-profile.json", new TestProfileEnvironment());

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "some-profile.json"), location.Path);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("folder/")]
    [InlineData("bad\0name.json")]
    public void PathThatCannotBeAProfileFileIsRefused(string path)
    {
        var error = Assert.Throws<KubeFleetException>(() => ProfileLocation.Resolve(path, new TestProfileEnvironment()));

        Assert.Equal("ProfilePathInvalid", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void ExistingFolderIsRefusedAsAProfilePath()
    {
        using var folder = new TempProfileFolder();

        var error = Assert.Throws<KubeFleetException>(() => ProfileLocation.Resolve(folder.Path, new TestProfileEnvironment()));

        Assert.Equal("ProfilePathInvalid", error.ErrorId);
        Assert.Contains("folder", error.Message, StringComparison.Ordinal);
    }
}
