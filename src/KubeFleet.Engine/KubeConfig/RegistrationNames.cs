using System.Text;
using System.Text.RegularExpressions;

namespace KubeFleet.Engine.KubeConfig;

/// <summary>
/// Derives a cluster's registration name from its kubeconfig context name: lowercase letters,
/// digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters (a
/// DNS-1123 subdomain). Cloud context names shrink to the cluster's own name: the EKS context
/// <c>arn:aws:eks:eu-west-1:123456789012:cluster/prod</c> and the GKE context
/// <c>gke_my-project_europe-west1_prod</c> both become <c>prod</c>.
/// </summary>
public static partial class RegistrationNames
{
    public const int MaxLength = 253;

    private const string Fallback = "context";

    /// <summary>The readable name for one context.</summary>
    public static string Derive(string contextName) => Candidates(contextName)[0];

    /// <summary>
    /// Names for all the contexts of one kubeconfig, unique, in the same order. Contexts whose short
    /// names collide fall back to longer ones (EKS adds the region, then the account; GKE the
    /// location, then the project); what still collides gets -2, -3, … in kubeconfig order.
    /// </summary>
    public static IReadOnlyList<string> DeriveUnique(IReadOnlyList<string> contextNames)
    {
        var candidates = contextNames.Select(Candidates).ToList();
        var levels = new int[candidates.Count];
        bool lengthened;
        do
        {
            lengthened = false;
            var collisions = Enumerable.Range(0, candidates.Count)
                .GroupBy(index => candidates[index][levels[index]], StringComparer.Ordinal)
                .Where(group => group.Count() > 1)
                .SelectMany(group => group);
            foreach (var index in collisions.Where(index => levels[index] < candidates[index].Count - 1))
            {
                levels[index]++;
                lengthened = true;
            }
        }
        while (lengthened);

        var names = Enumerable.Range(0, candidates.Count).Select(index => candidates[index][levels[index]]).ToList();
        var taken = new HashSet<string>(names, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (seen.Add(names[i]))
            {
                continue;
            }
            var number = 2;
            string numbered;
            while (taken.Contains(numbered = WithSuffix(names[i], $"-{number}")))
            {
                number++;
            }
            taken.Add(numbered);
            seen.Add(numbered);
            names[i] = numbered;
        }
        return names;
    }

    /// <summary>From the most readable to the most specific, each a valid name.</summary>
    private static IReadOnlyList<string> Candidates(string contextName)
    {
        string[] forms;
        if (EksArn().Match(contextName) is { Success: true } eks)
        {
            var (name, region, account) = (eks.Groups["name"].Value, eks.Groups["region"].Value, eks.Groups["account"].Value);
            forms = [name, $"{name}-{region}", $"{name}-{region}-{account}"];
        }
        else if (GkeContext().Match(contextName) is { Success: true } gke)
        {
            var (name, location, project) = (gke.Groups["name"].Value, gke.Groups["location"].Value, gke.Groups["project"].Value);
            forms = [name, $"{name}-{location}", $"{name}-{location}-{project}"];
        }
        else
        {
            forms = [contextName];
        }
        return forms.Select(Sanitize).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Sanitize(string text)
    {
        var mapped = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            mapped.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' ? c : '-');
        }
        var labels = mapped.ToString()
            .Split('.')
            .Select(label => Dashes().Replace(label, "-").Trim('-'))
            .Where(label => label.Length > 0);
        var name = Truncate(string.Join('.', labels), MaxLength);
        return name.Length == 0 ? Fallback : name;
    }

    private static string WithSuffix(string name, string suffix) => Truncate(name, MaxLength - suffix.Length) + suffix;

    private static string Truncate(string name, int length) =>
        name.Length <= length ? name : name[..length].TrimEnd('-', '.');

    [GeneratedRegex(@"^arn:aws[a-z-]*:eks:(?<region>[^:]+):(?<account>[^:]+):cluster/(?<name>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex EksArn();

    [GeneratedRegex(@"^gke_(?<project>[^_]+)_(?<location>[^_]+)_(?<name>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex GkeContext();

    [GeneratedRegex("-+", RegexOptions.CultureInvariant)]
    private static partial Regex Dashes();
}
