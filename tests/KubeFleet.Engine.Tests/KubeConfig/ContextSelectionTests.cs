using KubeFleet.Engine.Errors;
using KubeFleet.Engine.KubeConfig;
using static KubeFleet.Engine.Tests.KubeConfig.KubeConfigs;

namespace KubeFleet.Engine.Tests.KubeConfig;

public sealed class ContextSelectionTests
{
    private const string MultiContext = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: prod
          cluster: {server: "https://prod.example:6443"}
        - name: staging
          cluster: {server: "https://staging.example:6443"}
        users:
        - name: prod-admin
          user: {token: prod-token}
        - name: staging-admin
          user: {token: staging-token}
        contexts:
        - name: prod
          context: {cluster: prod, user: prod-admin, namespace: web}
        - name: staging
          context: {cluster: staging, user: staging-admin}
        - name: Staging-Readonly
          context: {cluster: staging, user: staging-admin, namespace: kube-system}
        current-context: staging
        """;

    [Fact]
    public void TheCurrentContextIsUsedWhenNoneIsNamed()
    {
        var resolved = Resolve(MultiContext);

        Assert.Equal("staging", resolved.ContextName);
        Assert.Equal(ContextSelection.CurrentContext, resolved.Selection);
        Assert.Equal("staging", resolved.ClusterName);
        Assert.Equal("staging-admin", resolved.UserName);
        Assert.Null(resolved.Namespace);
        Assert.Equal(new Uri("https://staging.example:6443"), resolved.Access.Server);
    }

    [Fact]
    public void ANamedContextIsUsedAndSaysSo()
    {
        var resolved = Resolve(MultiContext, "prod");

        Assert.Equal(ContextSelection.Named, resolved.Selection);
        Assert.Equal("prod-admin", resolved.UserName);
        Assert.Equal("web", resolved.Namespace);
        Assert.Equal("prod", resolved.RegistrationName);
    }

    [Fact]
    public void EveryContextIsListedInOrderWithAUniqueRegistrationName()
    {
        var contexts = KubeConfigLoader.LoadText(MultiContext).Contexts;

        Assert.Equal(["prod", "staging", "Staging-Readonly"], contexts.Select(context => context.Name));
        Assert.Equal(["prod", "staging", "staging-readonly"], contexts.Select(context => context.RegistrationName));
        Assert.Equal([false, true, false], contexts.Select(context => context.IsCurrent));
        Assert.Equal("kube-system", contexts[2].Namespace);
        Assert.Equal("staging-admin", contexts[2].UserName);
        Assert.Equal("staging", contexts[2].ClusterName);
    }

    [Fact]
    public void EveryListedContextResolves()
    {
        var loaded = KubeConfigLoader.LoadText(MultiContext);

        var resolved = loaded.Contexts.Select(context => loaded.ResolveContext(context.Name)).ToList();

        Assert.Equal(loaded.Contexts.Select(context => context.RegistrationName), resolved.Select(context => context.RegistrationName));
    }

    [Fact]
    public void AnUnknownContextListsTheAvailableOnesAndSuggestsACaseFix()
    {
        var unknown = Fails(KubeConfigErrorIds.ContextNotFound, () => Resolve(MultiContext, "dev"));
        var wrongCase = Fails(KubeConfigErrorIds.ContextNotFound, () => Resolve(MultiContext, "PROD"));

        Assert.Equal(ErrorKind.ObjectNotFound, unknown.Kind);
        Assert.Equal("dev", unknown.Target);
        Assert.Contains("context was not found for specified context: dev", unknown.Message);
        Assert.Contains("'prod', 'staging', 'Staging-Readonly'", unknown.Message);
        Assert.DoesNotContain("did you mean", unknown.Message);
        Assert.Contains("did you mean 'prod'?", wrongCase.Message);
    }

    [Fact]
    public void WithoutACurrentContextOneMustBeNamed()
    {
        var text = MultiContext.Replace("current-context: staging", "");

        var failure = Fails(KubeConfigErrorIds.NoCurrentContext, () => Resolve(text));

        Assert.Equal(ErrorKind.InvalidArgument, failure.Kind);
        Assert.Contains("no current-context", failure.Message);
        Assert.Contains("-Context ('prod', 'staging', 'Staging-Readonly')", failure.Message);
        Assert.Contains("-AllContexts", failure.Message);
    }

    [Fact]
    public void ACurrentContextThatDoesNotExistIsNamed()
    {
        var failure = Fails(KubeConfigErrorIds.ContextNotFound, () => Resolve(MultiContext.Replace("current-context: staging", "current-context: gone")));

        Assert.Contains("current-context is 'gone'", failure.Message);
        Assert.Contains("'prod'", failure.Message);
    }

    [Fact]
    public void AKubeConfigWithoutContextsSaysSo()
    {
        var failure = Fails(KubeConfigErrorIds.NoContexts, () => Resolve("clusters:\n- name: c\n  cluster: {server: \"https://c:6443\"}\n"));

        Assert.Contains("defines no contexts", failure.Message);
    }

    [Theory]
    [InlineData("context: {cluster: missing, user: u}", KubeConfigErrorIds.ClusterNotFound, "names the cluster 'missing', which is not defined. Defined clusters: 'c'")]
    [InlineData("context: {user: u}", KubeConfigErrorIds.ClusterNotFound, "names no cluster")]
    [InlineData("context: {cluster: c, user: missing}", KubeConfigErrorIds.UserNotFound, "names the user 'missing', which is not defined. Defined users: 'u'")]
    [InlineData("context: {cluster: c, user: u, namespace: Web_Apps}", KubeConfigErrorIds.NamespaceInvalid, "'Web_Apps'")]
    public void BrokenContextsAreRefused(string context, string errorId, string expected)
    {
        var text = Single().Replace("  context:\n    cluster: c\n    user: u", "  " + context);

        var failure = Fails(errorId, () => Resolve(text));

        Assert.Contains("context 'ctx'", failure.Message);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void AContextWithoutAUserIsAnonymousAndWarns()
    {
        var text = Single().Replace("  context:\n    cluster: c\n    user: u", "  context: {cluster: c}");

        var resolved = Resolve(text);

        Assert.Equal("None", resolved.Access.Credential.Kind);
        Assert.Null(resolved.UserName);
        Assert.Contains("anonymous", Assert.Single(resolved.Warnings));
    }

    [Fact]
    public void OneBrokenUserDoesNotStopTheOtherContexts()
    {
        var text = MultiContext.Replace("user: {token: prod-token}", "user: {username: admin, password: hunter2}");
        var loaded = KubeConfigLoader.LoadText(text);

        Fails(KubeConfigErrorIds.BasicAuthUnsupported, () => loaded.ResolveContext("prod"));
        Assert.Equal("staging", loaded.ResolveContext("staging").ContextName);
    }

    [Theory]
    [InlineData("clusters:\n- name: a\n  cluster: {server: \"https://a\"}\n- name: a\n  cluster: {server: \"https://b\"}\n", "cluster 'a' twice")]
    [InlineData("contexts:\n- name: x\n- name: x\n", "context 'x' twice")]
    [InlineData("users:\n- name: x\n- name: x\n", "user 'x' twice")]
    public void AFileNamingTwoEntriesAlikeIsRefused(string text, string expected)
    {
        var failure = Fails(KubeConfigErrorIds.DuplicateName, () => KubeConfigLoader.LoadText(text));

        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void EntriesWithoutANameAreRefused()
    {
        var failure = Fails(KubeConfigErrorIds.MissingName, () => KubeConfigLoader.LoadText("users:\n- name: a\n- user: {token: x}\n"));

        Assert.Contains("users[1]", failure.Message);
    }
}
