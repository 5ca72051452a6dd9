using KubeFleet.BuildTools.Metadata;
using KubeFleet.Tests.Harness.Fixtures;

namespace KubeFleet.Tests.Metadata;

public sealed class CommandModelReaderTests
{
    [Fact]
    public void Reads_what_the_stub_attribute_getters_would_hide()
    {
        var command = CommandModelReader.Read(typeof(GetHarnessItemCommand));

        Assert.Equal(("Get", "HarnessItem", "ByName"), (command.Verb, command.Noun, command.DefaultParameterSetName));
        Assert.Equal(["ByName", "ByTag"], command.ParameterSetNames);
        var tag = command.FindParameter("Tag")!;
        Assert.Equal(new ParameterSetMembership("ByTag", true, null, false, false), Assert.Single(tag.Sets));
        Assert.Equal(0, command.FindParameter("ItemName")!.In("ByName")!.Position);
        Assert.Equal(typeof(HarnessItem), Assert.Single(command.OutputTypes).Type);
    }

    [Fact]
    public void Includes_the_inherited_ProfilePath_in_every_set()
    {
        var command = CommandModelReader.Read(typeof(GetHarnessItemCommand));

        Assert.All(command.ParameterSetNames, set => Assert.Contains(command.ParametersIn(set), p => p.Name == "ProfilePath"));
    }

    [Fact]
    public void Reads_ShouldProcess_and_switches()
    {
        var command = CommandModelReader.Read(typeof(SetHarnessItemCommand));

        Assert.True(command.SupportsShouldProcess);
        Assert.Equal("Medium", command.ConfirmImpact);
        Assert.True(command.FindParameter("PassThru")!.IsSwitch);
        Assert.True(command.FindParameter("Name")!.In(CommandModel.AllParameterSets)!.ValueFromPipelineByPropertyName);
    }
}
