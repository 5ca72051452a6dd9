using KubeFleet.Engine.Selectors;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// The labels a user gives a cluster, held to Kubernetes' rules for label keys and values, so that
/// what groups clusters is what a label selector can match and every tool can print.
/// </summary>
public static class ClusterLabels
{
    /// <summary>The labels, checked, as a new dictionary ordered by key.</summary>
    /// <exception cref="Errors.KubeFleetException">KubeClusterLabelInvalid, naming the first bad key or value.</exception>
    public static IReadOnlyDictionary<string, string> Checked(IEnumerable<KeyValuePair<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var checkedLabels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            if (KubernetesNames.QualifiedNameProblems(key) is [var keyProblem, ..])
            {
                throw RegistryErrors.LabelInvalid(key, value, $"the key '{key}' is not a valid label key: {keyProblem}");
            }

            if (KubernetesNames.LabelValueProblems(value) is [var valueProblem, ..])
            {
                throw RegistryErrors.LabelInvalid(key, value, $"the value '{value}' of label '{key}' is not a valid label value: {valueProblem}");
            }

            checkedLabels[key] = value;
        }

        return checkedLabels;
    }
}
