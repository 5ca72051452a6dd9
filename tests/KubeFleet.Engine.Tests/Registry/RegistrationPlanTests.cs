using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.KubeConfig;
using KubeFleet.Engine.Registry;
using KubeFleet.Engine.Tests.KubeConfig;
using KubeFleet.Engine.Tests.Profile;

namespace KubeFleet.Engine.Tests.Registry;

/// <summary>What is checked and told before anything is sent: names, context, server, exec environment.</summary>
public sealed class RegistrationPlanTests : IDisposable
{
    private const string Server = "https://10.1.2.3:6443";

    private readonly RegistryTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public void APlanSaysWhichContextServerAndCredentialItUses()
    {
        var plan = bed.Open().Registrar.Plan("prod", RegistryTestBed.Source(RegistryKubeConfigs.Token(Server)), new RegistrationOptions());

        Assert.Equal("ctx", plan.ContextName);
        Assert.Equal(new Uri(Server), plan.Server);
        Assert.Null(plan.ExecCommand);
        Assert.Equal(
            [
                $"Using context 'ctx' (the kubeconfig's current context) in the kubeconfig text: cluster 'c' at {Server}/, user 'u'.",
                "The credential is a bearer token, sealed in the profile.",
            ],
            plan.Details);
        Assert.Equal($"Register the cluster at {Server}/ from context 'ctx'", plan.Action);
    }

    [Fact]
    public void AnExecPlanNamesTheProgramItWillRunBeforeItRuns()
    {
        var kubeConfig = RegistryKubeConfigs.Exec(Server, env: "\n  env:\n  - name: AWS_REGION\n    value: eu-west-1");

        var plan = bed.Open().Registrar.Plan("prod", RegistryTestBed.Source(kubeConfig), new RegistrationOptions());

        Assert.Equal("aws eks get-token --cluster-name prod", plan.ExecCommand);
        Assert.EndsWith("; its exec plugin runs: aws eks get-token --cluster-name prod", plan.Action);
        Assert.Contains(plan.Details, detail => detail.Contains("which KubeFleet runs for tokens as: aws eks get-token --cluster-name prod", StringComparison.Ordinal)
            && detail.Contains("AWS_REGION (from the kubeconfig)", StringComparison.Ordinal));
    }

    [Fact]
    public void ANamedContextIsUsedAndSaidToBeNamed()
    {
        var kubeConfig = RegistryKubeConfigs.Contexts("dev", ("dev", "https://dev.example:6443"), ("prod", "https://prod.example:6443"));

        var plan = bed.Open().Registrar.Plan("prod", RegistryTestBed.Source(kubeConfig, "prod"), new RegistrationOptions());

        Assert.Equal(new Uri("https://prod.example:6443"), plan.Server);
        Assert.StartsWith("Using context 'prod' (named with -Context)", plan.Details[0]);
    }

    [Fact]
    public void TheKubeconfigWarningsComeWithThePlan()
    {
        var kubeConfig = RegistryKubeConfigs.Token(Server, extraCluster: "\ninsecure-skip-tls-verify: true");

        var plan = bed.Open().Registrar.Plan("prod", RegistryTestBed.Source(kubeConfig), new RegistrationOptions());

        Assert.Equal([InsecureTlsWarning.For("c")], plan.Warnings);
    }

    [Fact]
    public void TheServerCanBeReplacedByOneReachableFromHere()
    {
        var source = RegistryTestBed.Source(RegistryKubeConfigs.Token(Server)) with { Server = "https://kubernetes.default.svc.cluster.local:443" };

        var plan = bed.Open().Registrar.Plan("prod", source, new RegistrationOptions());

        Assert.Equal(new Uri("https://kubernetes.default.svc.cluster.local:443"), plan.Server);
        Assert.Contains($"The server address https://kubernetes.default.svc.cluster.local/ replaces the kubeconfig's {Server}/.", plan.Details);
    }

    [Theory]
    [InlineData("kubernetes.default.svc", "is not an absolute https:// URL")]
    [InlineData("ftp://host", "is not an absolute https:// URL")]
    [InlineData("https://admin:secret@host", "holds a user name or password")]
    [InlineData("https://host/?watch=1", "has a query or fragment")]
    [InlineData("http://host:8080", "is plain http://, and the Token credential would travel unencrypted")]
    public void AServerThatCannotBeUsedIsRefused(string server, string problem)
    {
        var source = RegistryTestBed.Source(RegistryKubeConfigs.Token(Server)) with { Server = server };

        var failure = Assert.Throws<KubeFleetException>(() => bed.Open().Registrar.Plan("prod", source, new RegistrationOptions()));

        Assert.Equal(RegistryErrorIds.ServerInvalid, failure.ErrorId);
        Assert.Contains(problem, failure.Message);
    }

    [Fact]
    public void ExecEnvironmentOverridesTheKubeconfigsVariablesOfTheSameName()
    {
        var kubeConfig = RegistryKubeConfigs.Exec(Server, env: "\n  env:\n  - name: AWS_PROFILE\n    value: from-file\n  - name: AWS_REGION\n    value: eu-west-1");
        var source = RegistryTestBed.Source(kubeConfig) with { ExecEnvironment = [new ExecEnvVar("AWS_PROFILE", "ops"), new ExecEnvVar("AWS_SECRET_ACCESS_KEY", Canary.EnvValue)] };

        var plan = bed.Open().Registrar.Plan("prod", source, new RegistrationOptions());

        var exec = Assert.IsType<ExecCredential>(plan.Access.Access.Credential).Config;
        Assert.Equal(["AWS_REGION=eu-west-1", "AWS_PROFILE=ops", $"AWS_SECRET_ACCESS_KEY={Canary.EnvValue}"], exec.Env.Select(variable => $"{variable.Name}={variable.Value}"));
        Assert.Contains(plan.Details, detail => detail.Contains("AWS_PROFILE (from -ExecEnvironment)", StringComparison.Ordinal));
    }

    [Fact]
    public void ExecEnvironmentForAContextWithoutAPluginIsRefusedUnlessEveryContextIsRegistered()
    {
        var source = RegistryTestBed.Source(RegistryKubeConfigs.Token(Server)) with { ExecEnvironment = [new ExecEnvVar("AWS_PROFILE", "ops")] };
        var registrar = bed.Open().Registrar;

        var failure = Assert.Throws<KubeFleetException>(() => registrar.Plan("prod", source, new RegistrationOptions()));
        var (name, perContext) = Assert.Single(source.PerContext());
        var plan = registrar.Plan(name, perContext, new RegistrationOptions());

        Assert.Equal(RegistryErrorIds.ExecEnvironmentWithoutPlugin, failure.ErrorId);
        Assert.Contains("has a Token credential and runs no plugin", failure.Message);
        Assert.IsType<TokenCredential>(plan.Access.Access.Credential);
        Assert.Contains("-ExecEnvironment is not used for context 'ctx': its user runs no exec plugin.", plan.Details);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A=B")]
    public void AnExecEnvironmentVariableNeedsAName(string name)
    {
        var source = RegistryTestBed.Source(RegistryKubeConfigs.Exec(Server)) with { ExecEnvironment = [new ExecEnvVar(name, Canary.EnvValue)] };

        var failure = Assert.Throws<KubeFleetException>(() => bed.Open().Registrar.Plan("prod", source, new RegistrationOptions()));

        Assert.Equal(RegistryErrorIds.ExecEnvironmentInvalid, failure.ErrorId);
        Canary.AssertAbsent(failure);
    }

    [Fact]
    public void ATakenNameIsRefusedRegardlessOfCaseBeforeAnythingIsSent()
    {
        bed.RegisterUnverified("prod", RegistryKubeConfigs.Token(Server));

        var failure = Assert.Throws<KubeFleetException>(() =>
            bed.Open().Registrar.Plan("PROD", RegistryTestBed.Source(RegistryKubeConfigs.Token("https://other.example")), new RegistrationOptions()));

        Assert.Equal(RegistryErrorIds.NameTaken, failure.ErrorId);
        Assert.Equal(ErrorKind.ResourceExists, failure.Kind);
        Assert.Contains("already has a cluster named 'prod'", failure.Message);
    }

    [Fact]
    public void KubeconfigErrorsKeepTheirOwnIds()
    {
        var failure = Assert.Throws<KubeFleetException>(() =>
            bed.Open().Registrar.Plan("prod", RegistryTestBed.Source(RegistryKubeConfigs.Token(Server), "missing"), new RegistrationOptions()));

        Assert.Equal(KubeConfigErrorIds.ContextNotFound, failure.ErrorId);
    }

    [Fact]
    public void EveryContextGetsTheNameDerivedFromIt()
    {
        var kubeConfig = RegistryKubeConfigs.Contexts(
            "dev",
            ("dev", "https://dev.example:6443"),
            ("arn:aws:eks:eu-west-1:111122223333:cluster/prod", "https://prod.example:6443"));

        var perContext = RegistryTestBed.Source(kubeConfig).PerContext();

        Assert.Equal(["dev", "prod"], perContext.Select(context => context.Name));
        Assert.Equal(["dev", "arn:aws:eks:eu-west-1:111122223333:cluster/prod"], perContext.Select(context => context.Source.ContextName));
    }

    [Fact]
    public void AKubeconfigWithoutContextsHasNothingToRegister()
    {
        var failure = Assert.Throws<KubeFleetException>(() => RegistryTestBed.Source("apiVersion: v1\nkind: Config\nclusters: []\n").PerContext());

        Assert.Equal(KubeConfigErrorIds.NoContexts, failure.ErrorId);
    }

    [Fact]
    public void NothingInAPlanShowsASecret()
    {
        var kubeConfig = RegistryKubeConfigs.Exec(Server, env: $"\n  env:\n  - name: AWS_SECRET_ACCESS_KEY\n    value: {Canary.EnvValue}");
        var source = RegistryTestBed.Source(kubeConfig) with { ExecEnvironment = [new ExecEnvVar("AWS_SESSION_TOKEN", Canary.Token)] };

        var plan = bed.Open().Registrar.Plan("prod", source, new RegistrationOptions());

        Canary.AssertAbsent(string.Join("\n", plan.Details.Concat(plan.Warnings).Append(plan.Action).Append(plan.ToString())));
    }
}
