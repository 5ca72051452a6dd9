using KubeFleet.Engine.Tests.KubeConfig;
using KubeFleet.Engine.Tests.Profile;

namespace KubeFleet.Engine.Tests.Registry;

/// <summary>Kubeconfig text for registry tests: one context per credential kind, or several contexts.</summary>
internal static class RegistryKubeConfigs
{
    public static string Token(string server, string token = Canary.Token, string extraCluster = "") =>
        KubeConfigs.Single(cluster: $"server: {server}{extraCluster}", user: $"token: {token}");

    public static string ClientCertificate(string server, TestCertificate certificate) =>
        KubeConfigs.Single(
            cluster: $"server: {server}",
            user: $"client-certificate-data: {KubeConfigs.Base64(certificate.CertificatePem)}\nclient-key-data: {KubeConfigs.Base64(certificate.Pkcs8KeyPem)}");

    public static string Exec(string server, string command = "aws", string apiVersion = "client.authentication.k8s.io/v1beta1", string env = "") =>
        KubeConfigs.Single(
            cluster: $"server: {server}",
            user: $"exec:\n  apiVersion: {apiVersion}\n  command: {command}\n  args: [eks, get-token, --cluster-name, prod]{env}");

    /// <summary>One context per (name, server), each with its own token user; <paramref name="current"/> is the current context.</summary>
    public static string Contexts(string current, params (string Name, string Server)[] contexts) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        {string.Join("\n", contexts.Select(c => $"- name: {c.Name}-cluster\n  cluster:\n    server: {c.Server}"))}
        users:
        {string.Join("\n", contexts.Select(c => $"- name: {c.Name}-user\n  user:\n    token: {Canary.Token}"))}
        contexts:
        {string.Join("\n", contexts.Select(c => $"- name: {c.Name}\n  context:\n    cluster: {c.Name}-cluster\n    user: {c.Name}-user"))}
        current-context: {current}
        """;
}
