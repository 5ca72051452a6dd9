using System.Text.RegularExpressions;
using KubeFleet.Engine.KubeConfig;

namespace KubeFleet.Engine.Tests.KubeConfig;

public sealed partial class RegistrationNameTests
{
    [Theory]
    [InlineData("arn:aws:eks:eu-west-1:123456789012:cluster/prod", "prod")]
    [InlineData("arn:aws-us-gov:eks:us-gov-west-1:123456789012:cluster/Gov_Cluster", "gov-cluster")]
    [InlineData("gke_my-project_europe-west1_autopilot-1", "autopilot-1")]
    [InlineData("kind-kind", "kind-kind")]
    [InlineData("kubernetes-admin@kubernetes", "kubernetes-admin-kubernetes")]
    [InlineData("default/api-crc-testing:6443/kubeadmin", "default-api-crc-testing-6443-kubeadmin")]
    [InlineData("My Cluster (prod)", "my-cluster-prod")]
    [InlineData("docker-desktop", "docker-desktop")]
    [InlineData("cluster.example.com", "cluster.example.com")]
    [InlineData("-.weird..-name-.", "weird.name")]
    [InlineData("日本", "context")]
    [InlineData("", "context")]
    public void NamesAreReadableAndValid(string contextName, string expected)
    {
        var name = RegistrationNames.Derive(contextName);

        Assert.Equal(expected, name);
        Assert.Matches(Dns1123Subdomain(), name);
    }

    [Fact]
    public void LongNamesAreCutToTheLimitAndStayValid()
    {
        var name = RegistrationNames.Derive(new string('a', 250) + "-." + new string('b', 10));

        Assert.Equal(new string('a', 250) + ".bb", name);
        Assert.Equal(RegistrationNames.MaxLength, name.Length);
        Assert.Matches(Dns1123Subdomain(), RegistrationNames.Derive(new string('a', 252) + ".b"));
    }

    [Fact]
    public void CollidingCloudNamesFallBackToLongerForms()
    {
        var names = RegistrationNames.DeriveUnique([
            "arn:aws:eks:eu-west-1:111111111111:cluster/prod",
            "arn:aws:eks:us-east-1:111111111111:cluster/prod",
            "arn:aws:eks:us-east-1:222222222222:cluster/prod",
            "gke_p1_europe-west1_web",
            "gke_p2_europe-west1_web",
            "arn:aws:eks:eu-west-1:111111111111:cluster/api",
        ]);

        Assert.Equal(["prod-eu-west-1", "prod-us-east-1-111111111111", "prod-us-east-1-222222222222", "web-europe-west1-p1", "web-europe-west1-p2", "api"], names);
    }

    [Fact]
    public void OnlyTheCloudNameLengthensWhenItCollidesWithAPlainOne()
    {
        Assert.Equal(["prod", "prod-eu-west-1"], RegistrationNames.DeriveUnique(["prod", "arn:aws:eks:eu-west-1:1:cluster/prod"]));
    }

    [Fact]
    public void WhatStillCollidesIsNumberedInOrderWithoutTakingAnExistingName()
    {
        var names = RegistrationNames.DeriveUnique(["Prod", "prod", "PROD", "prod-2"]);

        Assert.Equal(["prod", "prod-3", "prod-4", "prod-2"], names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void NumberedNamesStayWithinTheLimit()
    {
        var longName = new string('x', 300);

        var names = RegistrationNames.DeriveUnique([longName, longName.ToUpperInvariant()]);

        Assert.Equal(new string('x', 253), names[0]);
        Assert.Equal(new string('x', 251) + "-2", names[1]);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();
}
