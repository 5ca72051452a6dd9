using System.Text;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.KubeConfig;

namespace KubeFleet.Engine.Tests.KubeConfig;

/// <summary>Builds kubeconfig text for tests, and the checks they share.</summary>
internal static class KubeConfigs
{
    public const string Server = "https://10.0.0.1:6443";

    /// <summary>One cluster 'c', one user 'u' and the current context 'ctx' joining them.</summary>
    public static string Single(string cluster = $"server: {Server}", string user = "token: t0ken") => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
        {Indent(cluster, 4)}
        users:
        - name: u
          user:
        {Indent(user, 4)}
        contexts:
        - name: ctx
          context:
            cluster: c
            user: u
        current-context: ctx
        """;

    public static ResolvedContext Resolve(string text, string? context = null, string? baseFolder = null) =>
        KubeConfigLoader.LoadText(text, baseFolder).ResolveContext(context);

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>Asserts the action fails with <paramref name="errorId"/>, and returns the failure.</summary>
    public static KubeFleetException Fails(string errorId, Action action)
    {
        var failure = Assert.Throws<KubeFleetException>(action);
        Assert.True(failure.ErrorId == errorId, $"Expected {errorId}, got {failure.ErrorId}: {failure.Message}");
        return failure;
    }

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(line => new string(' ', spaces) + line));
}
