using KubeFleet.BuildTools.Metadata;
using KubeFleet.Hosting;
using KubeFleet.Tests.Harness.Fixtures;
using KubeFleet.Tests.Metadata.Fixtures;

namespace KubeFleet.Tests.Metadata;

public sealed class CmdletRulesTests
{
    [Fact]
    public void The_module_cmdlets_pass_every_rule()
    {
        var cmdlets = CommandModelReader.ReadAll(typeof(KubeFleetCmdlet).Assembly);

        Assert.Empty(CmdletRules.Check(cmdlets).Concat(CmdletRules.CheckShipped(cmdlets)));
    }

    [Fact]
    public void Well_made_cmdlets_pass_every_rule()
    {
        var cmdlets = new[]
        {
            typeof(GetHarnessItemCommand), typeof(SetHarnessItemCommand), typeof(ResolveHarnessPathCommand),
            typeof(SearchHarnessFleetCommand), typeof(WaitHarnessStopCommand),
        }.Select(CommandModelReader.Read).ToList();

        Assert.Empty(CmdletRules.Check(cmdlets));
    }

    [Theory]
    [InlineData(typeof(FetchKubeThingCommand), "'Fetch' is not an approved verb")]
    [InlineData(typeof(RemoveKubeThingCommand), "declare SupportsShouldProcess")]
    [InlineData(typeof(ClearKubeThingCommand), "ConfirmImpact High")]
    [InlineData(typeof(GetKubeWidgetCommand), "declares no [OutputType]")]
    [InlineData(typeof(SetKubeWidgetCommand), "has no -PassThru")]
    [InlineData(typeof(GetKubeNamedCommand), "names a type by string")]
    [InlineData(typeof(GetKubeAccessCommand), "emits the engine type")]
    [InlineData(typeof(GetKubeAccessCommand), "-Credential takes the engine type")]
    [InlineData(typeof(GetKubeLooseCommand), "must be sealed")]
    [InlineData(typeof(GetKubeLooseCommand), "public setter on Name")]
    [InlineData(typeof(AddKubeSecretCommand), "-BearerToken takes a secret as a plain string")]
    [InlineData(typeof(AddKubeSecretCommand), "-Name and -Server share position 0")]
    [InlineData(typeof(AddKubeSecretCommand), "-ErrorAction is one of PowerShell's common parameters")]
    [InlineData(typeof(GetKubeOverlapCommand), "'All' and 'Filtered' are both satisfied by no parameters")]
    [InlineData(typeof(GetKubeStrandedCommand), "selects parameter set 'Narrow' (its mandatory -Name)")]
    public void A_broken_rule_is_reported(Type cmdlet, string expectedProblem)
    {
        var problems = CmdletRules.Check([CommandModelReader.Read(cmdlet)]);

        Assert.Contains(problems, p => p.Contains(expectedProblem, StringComparison.Ordinal));
    }

    [Fact]
    public void Get_piped_into_a_cmdlet_of_the_same_noun_must_bind_by_property_name()
    {
        var problems = CmdletRules.Check(new[] { typeof(GetKubeGadgetCommand), typeof(SetKubeGadgetCommand), typeof(UnregisterKubeGadgetCommand) }
            .Select(CommandModelReader.Read).ToList());

        Assert.Contains("Set-KubeGadget: -Name binds by property name, but Get-KubeGadget's output KubeFleet.Tests.Metadata.Fixtures.Gadget has no Name property (nor one named as an alias).", problems);
        Assert.Contains("Set-KubeGadget: -Size takes String, but KubeFleet.Tests.Metadata.Fixtures.Gadget.Size is Int32.", problems);
        Assert.Contains("Unregister-KubeGadget: Get-KubeGadget | Unregister-KubeGadget cannot bind: no parameter takes ValueFromPipelineByPropertyName.", problems);
    }

    [Theory]
    [InlineData(typeof(GetHarnessItemCommand), "must be KubeFleet.Commands.GetHarnessItemCommand")]
    [InlineData(typeof(GetHarnessItemCommand), "must start with 'Kube'")]
    public void A_shipped_cmdlet_follows_the_module_conventions(Type cmdlet, string expectedProblem)
    {
        Assert.Contains(CmdletRules.CheckShipped([CommandModelReader.Read(cmdlet)]), p => p.Contains(expectedProblem, StringComparison.Ordinal));
    }
}
