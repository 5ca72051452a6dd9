using KubeFleet.BuildTools.Help;
using KubeFleet.BuildTools.Metadata;
using KubeFleet.Tests.Harness.Fixtures;

namespace KubeFleet.Tests.Help;

public sealed class ExampleInvocationsTests
{
    private static readonly CommandModel GetHarnessItem = CommandModelReader.Read(typeof(GetHarnessItemCommand));
    private static readonly CommandModel SetHarnessItem = CommandModelReader.Read(typeof(SetHarnessItemCommand));

    [Theory]
    [InlineData("Get-HarnessItem", new string[0], 0, false)]
    [InlineData("PS> Get-HarnessItem web, db -Repeat 2 -Verbose", new[] { "Repeat", "Verbose" }, 1, false)]
    [InlineData("Get-HarnessItem -Name 'a b', \"c\" -ProfilePath ./p.json", new[] { "Name", "ProfilePath" }, 0, false)]
    [InlineData("$x = @{ a = 1 }; Get-Thing | Get-HarnessItem -Tag:$x.a", new[] { "Tag" }, 0, true)]
    [InlineData("Get-HarnessItem `\n  -Tag blue `\n  -Repeat (1 + 1) # a comment", new[] { "Tag", "Repeat" }, 0, false)]
    public void Reads_parameter_names_positional_arguments_and_piping(string code, string[] names, int positional, bool piped)
    {
        var invocation = Assert.Single(ExampleInvocations.Find(code, GetHarnessItem));

        Assert.Equal(new ExampleInvocation(names, positional, piped), invocation with { ParameterNames = invocation.ParameterNames.ToArray() }, new InvocationComparer());
    }

    [Fact]
    public void Finds_every_invocation_across_statements_and_pipelines()
    {
        var code = "Get-HarnessItem a\nGet-HarnessItem -Tag x | Get-HarnessItem";

        Assert.Equal(3, ExampleInvocations.Find(code, GetHarnessItem).Count);
    }

    [Theory]
    [InlineData("Set-HarnessItem web -PassThru", null)]
    [InlineData("Set-HarnessItem -PassThru web", null)]
    [InlineData("Get-HarnessItem | Set-HarnessItem -Description x", null)]
    [InlineData("Set-HarnessItem -Description x", "lacks the mandatory -Name")]
    [InlineData("Set-HarnessItem web -WhatIf -Confirm:$false", null)]
    [InlineData("Set-HarnessItem web -P", "-P is ambiguous")]
    [InlineData("Set-HarnessItem web -Desc x", null)]
    public void Checks_each_invocation_binds_to_exactly_one_parameter_set(string code, string? expectedProblem)
    {
        var problem = ExampleInvocations.Problem(SetHarnessItem, ExampleInvocations.Find(code, SetHarnessItem).Single());

        if (expectedProblem is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expectedProblem, problem);
        }
    }

    [Fact]
    public void Gives_WhatIf_only_to_cmdlets_that_support_ShouldProcess()
    {
        var problem = ExampleInvocations.Problem(GetHarnessItem, ExampleInvocations.Find("Get-HarnessItem -WhatIf", GetHarnessItem).Single());

        Assert.Contains("-WhatIf is not a parameter", problem);
    }

    private sealed class InvocationComparer : IEqualityComparer<ExampleInvocation>
    {
        public bool Equals(ExampleInvocation? x, ExampleInvocation? y) =>
            x!.ParameterNames.SequenceEqual(y!.ParameterNames) && x.PositionalArguments == y.PositionalArguments && x.PipedInto == y.PipedInto;

        public int GetHashCode(ExampleInvocation obj) => obj.PositionalArguments;
    }
}
