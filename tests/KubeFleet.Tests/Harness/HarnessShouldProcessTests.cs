using KubeFleet.Tests.Harness.Fixtures;

namespace KubeFleet.Tests.Harness;

public sealed class HarnessShouldProcessTests
{
    private static readonly HarnessItem[] Items = [new("a"), new("b"), new("c"), new("d")];

    [Fact]
    public void Proceeds_without_asking_when_neither_WhatIf_nor_Confirm_is_given()
    {
        var run = new CmdletHarness<SetHarnessItemCommand>().With("Name", "web").WithSwitch("PassThru").Invoke();

        Assert.Equal(ShouldProcessOutcome.Proceeded, Assert.Single(run.ShouldProcessCalls).Outcome);
        Assert.Single(run.Output);
    }

    [Fact]
    public void WhatIf_describes_the_change_and_makes_none()
    {
        var run = new CmdletHarness<SetHarnessItemCommand>().With("Name", "web").WithSwitch("PassThru").WithWhatIf().Invoke();

        var call = Assert.Single(run.ShouldProcessCalls);
        Assert.Equal(ShouldProcessOutcome.WhatIf, call.Outcome);
        Assert.Equal("What if: Performing the operation \"Set description\" on target \"web\".", call.WhatIfMessage);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Confirm_follows_the_answers_and_yes_to_all_answers_the_rest()
    {
        var run = new CmdletHarness<SetHarnessItemCommand>().WithSwitch("PassThru").WithPipelineInput(Items)
            .WithConfirm(ConfirmAnswer.No, ConfirmAnswer.Yes, ConfirmAnswer.YesToAll).Invoke();

        Assert.Equal(
            [ShouldProcessOutcome.Declined, ShouldProcessOutcome.Confirmed, ShouldProcessOutcome.Confirmed, ShouldProcessOutcome.Confirmed],
            run.ShouldProcessCalls.Select(c => c.Outcome));
        Assert.Equal(["b", "c", "d"], run.OutputOf<HarnessItem>().Select(i => i.Name));
    }

    [Fact]
    public void No_to_all_declines_the_rest()
    {
        var run = new CmdletHarness<SetHarnessItemCommand>().WithSwitch("PassThru").WithPipelineInput(Items)
            .WithConfirm(ConfirmAnswer.Yes, ConfirmAnswer.NoToAll).Invoke();

        Assert.Equal(["a"], run.OutputOf<HarnessItem>().Select(i => i.Name));
    }

    [Fact]
    public void A_prompt_the_test_did_not_answer_fails_the_test()
    {
        var harness = new CmdletHarness<SetHarnessItemCommand>().WithPipelineInput(Items).WithConfirm(ConfirmAnswer.Yes);

        Assert.Throws<InvalidOperationException>(() => harness.Invoke());
    }

    [Fact]
    public void Gives_WhatIf_only_to_cmdlets_that_support_it()
    {
        Assert.Throws<HarnessBindingException>(() => new CmdletHarness<GetHarnessItemCommand>().WithWhatIf());
    }
}
