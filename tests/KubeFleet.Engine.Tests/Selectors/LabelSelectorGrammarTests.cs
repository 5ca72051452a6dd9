using KubeFleet.Engine.Selectors;

namespace KubeFleet.Engine.Tests.Selectors;

public sealed class LabelSelectorGrammarTests
{
    // text, canonical text (the server's String()), key|operator|values of each requirement.
    public static TheoryData<string, string, string[]> Accepted => new()
    {
        { "", "", [] },
        { "   ", "", [] },
        { "app=web", "app=web", ["app|Equals|web"] },
        { "app==web", "app==web", ["app|DoubleEquals|web"] },
        { "app!=web", "app!=web", ["app|NotEquals|web"] },
        { "app=", "app=", ["app|Equals|"] },
        { "app!=", "app!=", ["app|NotEquals|"] },
        { "app", "app", ["app|Exists|"] },
        { "!app", "!app", ["app|DoesNotExist|"] },
        { " ! app ", "!app", ["app|DoesNotExist|"] },
        { "replicas>2", "replicas>2", ["replicas|GreaterThan|2"] },
        { "replicas<02", "replicas<02", ["replicas|LessThan|02"] },
        { "env in (prod,staging)", "env in (prod,staging)", ["env|In|prod,staging"] },
        { "env in (staging,prod,prod)", "env in (prod,staging)", ["env|In|prod,staging"] },
        { "env notin (dev)", "env notin (dev)", ["env|NotIn|dev"] },
        { "env in ()", "env in ()", ["env|In|"] },
        { "env in (,a)", "env in (,a)", ["env|In|,a"] },
        { "env in (a,,b)", "env in (,a,b)", ["env|In|,a,b"] },
        { "env in (a,)", "env in (,a)", ["env|In|,a"] },
        { "in in (in,notin)", "in in (in,notin)", ["in|In|in,notin"] },
        { "notin=in", "notin=in", ["notin|Equals|in"] },
        { "\tz=1 ,\r\na = 2\n", "a=2,z=1", ["a|Equals|2", "z|Equals|1"] },
        { "tier in (front),app=web,!canary", "app=web,!canary,tier in (front)", ["app|Equals|web", "canary|DoesNotExist|", "tier|In|front"] },
        { "b=2,a=1,b=1", "a=1,b=2,b=1", ["a|Equals|1", "b|Equals|2", "b|Equals|1"] },
        { "app.kubernetes.io/name=web", "app.kubernetes.io/name=web", ["app.kubernetes.io/name|Equals|web"] },
        { "example.com/My_Key.1=V-1_.x", "example.com/My_Key.1=V-1_.x", ["example.com/My_Key.1|Equals|V-1_.x"] },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Parses_requirements_and_prints_the_servers_canonical_text(string text, string canonical, string[] requirements)
    {
        Assert.True(LabelSelector.TryParse(text, out var selector, out var error), error);

        Assert.Equal(canonical, selector.ToString());
        Assert.Equal(requirements, selector.Requirements.Select(r => $"{r.Key}|{r.Operator}|{string.Join(",", r.Values)}"));
        Assert.Equal(requirements.Length == 0, selector.IsEmpty);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void The_canonical_text_parses_back_to_the_same_selector(string text, string canonical, string[] requirements)
    {
        _ = requirements;
        var reparsed = LabelSelector.Parse(LabelSelector.Parse(text).ToString());

        Assert.Equal(canonical, reparsed.ToString());
    }

    [Fact]
    public void Keys_and_values_may_be_63_characters_but_not_64()
    {
        var longest = new string('a', 63);

        Assert.True(LabelSelector.TryParse($"{longest}={longest}", out _, out _));
        Assert.False(LabelSelector.TryParse($"{longest}a=b", out _, out _));
        Assert.False(LabelSelector.TryParse($"a={longest}a", out _, out _));
    }

    [Fact]
    public void A_key_prefix_may_be_a_253_character_dns_subdomain_but_not_254()
    {
        var label = new string('p', 63);
        var prefix = string.Join('.', label, label, label, new string('p', 61));

        Assert.Equal(253, prefix.Length);
        Assert.True(LabelSelector.TryParse($"{prefix}/k=v", out _, out _));
        Assert.False(LabelSelector.TryParse($"{prefix}p/k=v", out _, out var error));
        Assert.Contains("prefix part must be no more than 253 characters", error);
    }

    [Fact]
    public void A_selector_built_from_requirements_prints_like_a_parsed_one()
    {
        Assert.True(LabelRequirement.TryCreate("tier", LabelOperator.NotIn, ["db", "cache"], out var tier, out _));
        Assert.True(LabelRequirement.TryCreate("app", LabelOperator.Equals, ["web"], out var app, out _));

        var selector = new LabelSelector([tier, app]);

        Assert.Equal("app=web,tier notin (cache,db)", selector.ToString());
        Assert.True(LabelSelector.Everything.IsEmpty);
        Assert.Equal("", LabelSelector.Everything.ToString());
    }
}
