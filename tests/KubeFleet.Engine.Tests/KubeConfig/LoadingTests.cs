using System.Text;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.KubeConfig;
using static KubeFleet.Engine.Tests.KubeConfig.KubeConfigs;

namespace KubeFleet.Engine.Tests.KubeConfig;

public sealed class LoadingTests
{
    [Fact]
    public void FilesMergeInOrderWithTheFirstDefinitionWinning()
    {
        using var folder = new TempFolder();
        var first = folder.Write("first", """
            clusters:
            - name: shared
              cluster: {server: "https://first.example:6443"}
            users:
            - name: shared-user
              user: {token: first-token}
            contexts:
            - name: shared
              context: {cluster: shared, user: shared-user, namespace: from-first}
            """);
        var second = folder.Write("second", """
            clusters:
            - name: shared
              cluster: {server: "https://second.example:6443", insecure-skip-tls-verify: true}
            - name: only-second
              cluster: {server: "https://only-second.example:6443"}
            users:
            - name: shared-user
              user: {token: second-token}
            contexts:
            - name: shared
              context: {cluster: only-second, user: shared-user}
            - name: extra
              context: {cluster: only-second, user: shared-user}
            current-context: extra
            """);

        var loaded = KubeConfigLoader.LoadFiles([first, second]);
        var shared = loaded.ResolveContext("shared");

        Assert.Equal(["shared", "extra"], loaded.Contexts.Select(context => context.Name));
        Assert.Equal([first, second], loaded.SourceFiles);
        Assert.Equal("extra", loaded.CurrentContext);
        Assert.Equal("from-first", shared.Namespace);
        Assert.Equal(new Uri("https://first.example:6443"), shared.Access.Server);
        Assert.False(shared.Access.InsecureSkipTlsVerify);
        Assert.Equal("first-token", Assert.IsType<TokenCredential>(shared.Access.Credential).Token);
        Assert.Equal(first, shared.SourceFile);
        Assert.Equal(second, loaded.ResolveContext().SourceFile);
    }

    [Fact]
    public void CurrentContextComesFromTheFirstFileThatSetsIt()
    {
        using var folder = new TempFolder();
        var none = folder.Write("none", "clusters: []\n");
        var setsA = folder.Write("a", Single());
        var setsB = folder.Write("b", Single().Replace("name: ctx", "name: other").Replace("current-context: ctx", "current-context: other"));

        Assert.Equal("ctx", KubeConfigLoader.LoadFiles([none, setsA, setsB]).CurrentContext);
        Assert.Equal("other", KubeConfigLoader.LoadFiles([none, setsB, setsA]).CurrentContext);
    }

    [Fact]
    public void RelativePathsResolveAgainstTheFolderOfTheFileThatDefinedTheEntry()
    {
        using var folder = new TempFolder();
        folder.Write("team/pki/ca.crt", TestPki.CertificateAuthorityPem);
        folder.Write("team/pki/token", "team-token\n");
        var teamConfig = folder.Write("team/config", """
            clusters:
            - name: team
              cluster: {server: "https://team.example:6443", certificate-authority: pki/ca.crt}
            users:
            - name: team
              user: {tokenFile: pki/token}
            """);
        var mainConfig = folder.Write("main/config", """
            contexts:
            - name: team
              context: {cluster: team, user: team}
            current-context: team
            """);

        var resolved = KubeConfigLoader.LoadFiles([mainConfig, teamConfig]).ResolveContext();

        Assert.Equal(TestPki.CertificateAuthorityPem, resolved.Access.CertificateAuthorityPem);
        Assert.Equal("team-token", Assert.IsType<TokenCredential>(resolved.Access.Credential).Token);
    }

    [Fact]
    public void MissingFilesAreSkippedWithAWarningAsKubectlDoes()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "missing");
        var present = folder.Write("present", Single());

        var loaded = KubeConfigLoader.LoadFiles([missing, present]);

        Assert.Equal([present], loaded.SourceFiles);
        Assert.Contains(missing, Assert.Single(loaded.Warnings));
        Assert.Equal("ctx", loaded.ResolveContext().ContextName);
    }

    [Fact]
    public void WhenNoFileExistsLoadingFailsNamingThem()
    {
        using var folder = new TempFolder();
        var one = Path.Combine(folder.Path, "one");
        var two = Path.Combine(folder.Path, "two");

        var single = Fails(KubeConfigErrorIds.FileNotFound, () => KubeConfigLoader.LoadFiles([one]));
        var both = Fails(KubeConfigErrorIds.FileNotFound, () => KubeConfigLoader.LoadFiles([one, two]));

        Assert.Equal(one, single.Target);
        Assert.Contains($"'{one}' does not exist", single.Message);
        Assert.Contains($"'{one}', '{two}'", both.Message);
    }

    [Fact]
    public void TheSameFileListedTwiceIsReadOnce()
    {
        using var folder = new TempFolder();
        var path = folder.Write("config", Single());

        Assert.Equal([path], KubeConfigLoader.LoadFiles([path, path]).SourceFiles);
    }

    [Fact]
    public void TextWithABaseFolderResolvesRelativePathsThere()
    {
        using var folder = new TempFolder();
        folder.Write("ca.crt", TestPki.CertificateAuthorityPem);

        var resolved = Resolve(Single(cluster: $"server: {Server}\ncertificate-authority: ca.crt"), baseFolder: folder.Path);

        Assert.Equal(TestPki.CertificateAuthorityPem, resolved.Access.CertificateAuthorityPem);
        Assert.Null(resolved.SourceFile);
    }

    [Theory]
    [InlineData($"server: {Server}\ncertificate-authority: ca.crt", "token: t0ken", "certificate-authority of the cluster 'c'")]
    [InlineData($"server: {Server}", "tokenFile: secrets/token", "tokenFile of the user 'u'")]
    [InlineData($"server: {Server}", "client-certificate: a.crt\nclient-key: a.key", "client-certificate of the user 'u'")]
    [InlineData($"server: {Server}", "exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: ./plugin.sh}", "exec command of the user 'u'")]
    public void TextWithoutABaseFolderRefusesRelativePaths(string cluster, string user, string field)
    {
        var failure = Fails(KubeConfigErrorIds.RelativePathWithoutFolder, () => Resolve(Single(cluster, user)));

        Assert.Contains(field, failure.Message);
        Assert.Contains("-data", failure.Message);
    }

    [Fact]
    public void AbsolutePathsNeedNoBaseFolder()
    {
        using var folder = new TempFolder();
        var ca = folder.Write("ca.crt", TestPki.CertificateAuthorityPem);

        var resolved = Resolve(Single(cluster: $"server: {Server}\ncertificate-authority: {ca}"));

        Assert.Equal(TestPki.CertificateAuthorityPem, resolved.Access.CertificateAuthorityPem);
    }

    [Fact]
    public void Utf16FilesWithAByteOrderMarkAreRead()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "config");
        File.WriteAllText(path, Single(), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        Assert.Equal("ctx", KubeConfigLoader.LoadFiles([path]).ResolveContext().ContextName);
    }

    [Fact]
    public void Utf8ByteOrderMarkIsIgnored()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "config");
        File.WriteAllText(path, Single(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal("ctx", KubeConfigLoader.LoadFiles([path]).ResolveContext().ContextName);
        Assert.Equal("ctx", KubeConfigLoader.LoadText("\uFEFF" + Single()).ResolveContext().ContextName);
    }

    [Fact]
    public void AnEmptyKubeConfigLoadsButHasNothingToResolve()
    {
        var loaded = KubeConfigLoader.LoadText("");

        Assert.Empty(loaded.Contexts);
        Fails(KubeConfigErrorIds.NoContexts, () => loaded.ResolveContext());
    }

    [Theory]
    [InlineData(null, new[] { "<home>" })]
    [InlineData("", new[] { "<home>" })]
    [InlineData("/a/config{0}/b/config{0}/a/config", new[] { "/a/config", "/b/config" })]
    [InlineData("{0}/only{0}", new[] { "/only" })]
    public void DefaultPathsFollowKubeconfigThenHome(string? variable, string[] expected)
    {
        var home = Path.Combine(Path.GetTempPath(), "home");
        var value = variable is null ? null : string.Format(variable, Path.PathSeparator);

        var paths = KubeConfigLoader.DefaultPaths(value, home);

        Assert.Equal(expected.Select(path => path == "<home>" ? Path.Combine(home, ".kube", "config") : path), paths);
    }
}
