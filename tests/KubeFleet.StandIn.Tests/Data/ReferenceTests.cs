namespace KubeFleet.StandIn.Tests.Data;

/// <summary>What objects refer to exists: the relations insight follows are never dangling.</summary>
public sealed class ReferenceTests
{
    [Fact]
    public void PodsRunOnExistingNodesAndUseExistingConfigSecretsClaimsAndIdentities()
    {
        var cluster = SampleClusters.Large;
        var nodes = cluster.ReadObjects("", "nodes").Select(SampleClusters.Name).ToHashSet();
        var configMaps = SampleClusters.ByKey(cluster, "", "configmaps");
        var secrets = SampleClusters.ByKey(cluster, "", "secrets");
        var claims = SampleClusters.ByKey(cluster, "", "persistentvolumeclaims");
        var accounts = SampleClusters.ByKey(cluster, "", "serviceaccounts");
        var references = 0;
        foreach (var pod in cluster.ReadObjects("", "pods"))
        {
            var ns = SampleClusters.Namespace(pod);
            var spec = pod.GetProperty("spec");
            if (spec.TryGetProperty("nodeName", out var node))
            {
                Assert.Contains(node.GetString()!, nodes);
            }

            Assert.True(accounts.ContainsKey($"{ns}/{spec.GetProperty("serviceAccountName").GetString()}"));
            foreach (var volume in spec.GetProperty("volumes").EnumerateArray())
            {
                if (volume.TryGetProperty("secret", out var secret))
                {
                    Assert.True(secrets.ContainsKey($"{ns}/{secret.GetProperty("secretName").GetString()}"), $"{SampleClusters.Name(pod)} mounts a missing secret");
                    references++;
                }

                if (volume.TryGetProperty("configMap", out var configMap))
                {
                    Assert.True(configMaps.ContainsKey($"{ns}/{configMap.GetProperty("name").GetString()}"), $"{SampleClusters.Name(pod)} mounts a missing config map");
                    references++;
                }

                if (volume.TryGetProperty("persistentVolumeClaim", out var claim))
                {
                    Assert.True(claims.ContainsKey($"{ns}/{claim.GetProperty("claimName").GetString()}"), $"{SampleClusters.Name(pod)} mounts a missing claim");
                    references++;
                }
            }

            if (spec.TryGetProperty("imagePullSecrets", out var pullSecrets))
            {
                Assert.All(pullSecrets.EnumerateArray(), s => Assert.True(secrets.ContainsKey($"{ns}/{s.GetProperty("name").GetString()}")));
                references++;
            }
        }

        Assert.True(references > 100, "pods should reference secrets, config maps, claims and pull secrets");
    }

    [Fact]
    public void BoundClaimsAndTheirVolumesPointAtEachOther()
    {
        var cluster = SampleClusters.Large;
        var volumes = cluster.ReadObjects("", "persistentvolumes").ToDictionary(SampleClusters.Name);
        var claims = cluster.ReadObjects("", "persistentvolumeclaims");

        Assert.NotEmpty(claims);
        foreach (var claim in claims.Where(c => c.GetProperty("status").GetProperty("phase").GetString() == "Bound"))
        {
            var volume = volumes[claim.GetProperty("spec").GetProperty("volumeName").GetString()!];
            var claimRef = volume.GetProperty("spec").GetProperty("claimRef");
            Assert.Equal(SampleClusters.Uid(claim), claimRef.GetProperty("uid").GetString());
            Assert.Equal(SampleClusters.Namespace(claim), claimRef.GetProperty("namespace").GetString());
            Assert.Equal(SampleClusters.Name(claim), claimRef.GetProperty("name").GetString());
        }
    }

    [Fact]
    public void ServicesSelectPodsOfTheirNamespace()
    {
        var cluster = SampleClusters.Large;
        var pods = cluster.ReadObjects("", "pods");
        var selecting = cluster.ReadObjects("", "services").Where(s => s.GetProperty("spec").TryGetProperty("selector", out _)).ToArray();

        Assert.NotEmpty(selecting);
        foreach (var service in selecting)
        {
            var selector = service.GetProperty("spec").GetProperty("selector").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
            var ns = SampleClusters.Namespace(service);
            var selected = pods.Count(p => SampleClusters.Namespace(p) == ns && selector.All(s => SampleClusters.Labels(p).TryGetValue(s.Key, out var v) && v == s.Value));
            Assert.True(selected > 0, $"service {ns}/{SampleClusters.Name(service)} selects no pod");
        }
    }

    [Fact]
    public void EveryNamespaceHasTheRootCertificateBundleAndTheDefaultServiceAccount()
    {
        foreach (var cluster in SampleClusters.Both)
        {
            var configMaps = SampleClusters.ByKey(cluster, "", "configmaps");
            var accounts = SampleClusters.ByKey(cluster, "", "serviceaccounts");
            var namespaces = cluster.ReadObjects("", "namespaces").Select(SampleClusters.Name).ToArray();

            Assert.Superset(new HashSet<string>(["default", "kube-system", "kube-public", "kube-node-lease", "shop"]), namespaces.ToHashSet());
            Assert.All(namespaces, ns => Assert.True(configMaps.ContainsKey($"{ns}/kube-root-ca.crt"), $"{ns} lacks kube-root-ca.crt"));
            Assert.All(namespaces, ns => Assert.True(accounts.ContainsKey($"{ns}/default"), $"{ns} lacks the default service account"));
        }
    }

    [Fact]
    public void CertificatesExistOnlyWhereCertManagerRunsAndBelongToIngresses()
    {
        var large = SampleClusters.Large;
        var ingresses = large.ReadObjects("networking.k8s.io", "ingresses").ToDictionary(SampleClusters.Uid);
        var certificates = large.ReadObjects("cert-manager.io", "certificates");

        Assert.NotEmpty(certificates);
        Assert.All(certificates, c => Assert.True(ingresses.ContainsKey(SampleClusters.Controller(c)!.Value.GetProperty("uid").GetString()!)));
        Assert.Equal(["certificates.cert-manager.io", "clusterissuers.cert-manager.io"], large.ReadObjects("apiextensions.k8s.io", "customresourcedefinitions").Select(SampleClusters.Name));

        var small = SampleClusters.Small;
        Assert.Null(small.Catalog.FindGroup("cert-manager.io"));
        Assert.Empty(small.ReadObjects("cert-manager.io", "certificates"));
        Assert.Empty(small.ReadObjects("apiextensions.k8s.io", "customresourcedefinitions"));
    }

    [Fact]
    public void EventsAreAboutObjectsThatExist()
    {
        var cluster = SampleClusters.Large;
        var uids = cluster.ReadObjects("", "pods").Concat(cluster.ReadObjects("", "nodes")).Select(SampleClusters.Uid).ToHashSet();
        var events = cluster.ReadObjects("", "events");

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Contains(e.GetProperty("involvedObject").GetProperty("uid").GetString()!, uids));
        Assert.All(events, e => Assert.StartsWith(e.GetProperty("involvedObject").GetProperty("name").GetString() + ".", SampleClusters.Name(e)));
    }
}
