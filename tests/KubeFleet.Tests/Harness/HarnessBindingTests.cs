using System.Management.Automation;
using KubeFleet.Tests.Harness.Fixtures;

namespace KubeFleet.Tests.Harness;

public sealed class HarnessBindingTests
{
    [Fact]
    public void Binds_parameters_by_name_or_alias_and_wraps_a_scalar_into_an_array()
    {
        var run = new CmdletHarness<GetHarnessItemCommand>().With("itemname", "web").With("Repeat", 2L).Invoke();

        Assert.Equal(["web", "web"], run.OutputOf<HarnessItem>().Select(i => i.Name));
    }

    [Fact]
    public void Refuses_a_parameter_the_cmdlet_does_not_have()
    {
        var error = Assert.Throws<HarnessBindingException>(() => new CmdletHarness<GetHarnessItemCommand>().With("Nmae", "web"));

        Assert.Contains("'Nmae'", error.Message);
    }

    [Fact]
    public void Refuses_a_value_that_does_not_convert()
    {
        Assert.Throws<HarnessBindingException>(() => new CmdletHarness<GetHarnessItemCommand>().With("Repeat", "many"));
    }

    [Theory]
    [InlineData(null, "ByName")]
    [InlineData("Name", "ByName")]
    [InlineData("Tag", "ByTag")]
    public void Picks_the_parameter_set_from_the_bound_parameters(string? parameter, string expectedSet)
    {
        var harness = new CmdletHarness<GetHarnessItemCommand>();
        if (parameter is not null)
        {
            harness.With(parameter, "x");
        }

        var run = harness.Invoke();

        Assert.Equal(expectedSet, run.ParameterSetName);
        Assert.Equal($"Parameter set {expectedSet}", Assert.Single(run.Verbose));
    }

    [Fact]
    public void Refuses_parameters_from_two_sets_as_PowerShell_does()
    {
        var harness = new CmdletHarness<GetHarnessItemCommand>().With("Name", "a").With("Tag", "b");

        var error = Assert.Throws<HarnessBindingException>(() => harness.Invoke());
        Assert.Contains("Parameter set cannot be resolved", error.Message);
    }

    [Fact]
    public void Refuses_to_run_without_a_mandatory_parameter()
    {
        var error = Assert.Throws<HarnessBindingException>(() => new CmdletHarness<SetHarnessItemCommand>().Invoke());

        Assert.Contains("-Name", error.Message);
    }

    [Fact]
    public void Tells_a_parameter_given_empty_from_one_not_given()
    {
        var given = new CmdletHarness<SetHarnessItemCommand>().With("Name", "web").With("Description", "").Invoke();
        var omitted = new CmdletHarness<SetHarnessItemCommand>().With("Name", "web").Invoke();

        Assert.Equal("description of web set to ''", Assert.Single(given.Verbose));
        Assert.Equal("description of web kept", Assert.Single(omitted.Verbose));
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void Reads_a_switch_as_given(bool present, int expectedOutput)
    {
        var run = new CmdletHarness<SetHarnessItemCommand>().With("Name", "web").WithSwitch("PassThru", present).Invoke();

        Assert.Equal(expectedOutput, run.Output.Count);
    }

    [Fact]
    public void Binds_pipeline_input_by_property_name_and_restores_defaults_between_objects()
    {
        var run = new CmdletHarness<SetHarnessItemCommand>()
            .WithSwitch("PassThru")
            .WithPipelineInput(new HarnessItem("a", "first"), new { Name = "b" })
            .Invoke();

        Assert.Equal([("a", "first"), ("b", null)], run.OutputOf<HarnessItem>().Select(i => (i.Name, i.Description)));
        Assert.Equal(["description of a set to 'first'", "description of b kept"], run.Verbose);
    }

    [Fact]
    public void Refuses_pipeline_input_that_binds_to_nothing()
    {
        var harness = new CmdletHarness<SetHarnessItemCommand>().WithPipelineInput(42);

        Assert.Throws<HarnessBindingException>(() => harness.Invoke());
    }

    [Fact]
    public void Validates_arguments_as_PowerShell_does_before_the_cmdlet_runs()
    {
        var harness = new CmdletHarness<ResolveHarnessPathCommand>().With("ProfilePath", "");

        var error = Assert.Throws<HarnessBindingException>(() => harness.Invoke());
        Assert.StartsWith("Cannot validate argument on parameter 'ProfilePath'.", error.Message);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(100, false)]
    [InlineData(101, true)]
    public void Applies_a_range_from_the_attribute_data(int repeat, bool refused)
    {
        var harness = new CmdletHarness<GetHarnessItemCommand>().With("Name", "web").With("Repeat", repeat);

        var error = Record.Exception(() => harness.Invoke());

        Assert.Equal(refused, error is HarnessBindingException);
    }
}
