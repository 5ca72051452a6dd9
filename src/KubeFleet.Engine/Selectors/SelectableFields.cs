using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace KubeFleet.Engine.Selectors;

/// <summary>
/// The fields one kind can be selected by, as the API server sees them: which field labels its
/// conversion accepts (and the exact message when it does not), and each selectable field's value
/// in an object. Built-in kinds follow Kubernetes 1.32 (<see cref="For"/>); every other kind has
/// only <c>metadata.name</c> and, when namespaced, <c>metadata.namespace</c> (the
/// <c>selectableFields</c> a custom resource definition may declare are not modelled).
/// </summary>
public sealed class SelectableFields
{
    private const string MetadataName = "metadata.name";
    private const string MetadataNamespace = "metadata.namespace";

    private static readonly SelectableFields DefaultNamespaced = Default(namespaced: true);
    private static readonly SelectableFields DefaultClusterScoped = Default(namespaced: false);

    private readonly IReadOnlyDictionary<string, string> acceptedLabels;
    private readonly Func<string, string> unsupportedMessage;
    private readonly IReadOnlyDictionary<string, Func<JsonElement, string>> values;

    internal SelectableFields(
        IReadOnlyDictionary<string, string> acceptedLabels,
        Func<string, string> unsupportedMessage,
        IReadOnlyDictionary<string, Func<JsonElement, string>> values)
    {
        this.acceptedLabels = acceptedLabels;
        this.unsupportedMessage = unsupportedMessage;
        this.values = values;
    }

    /// <summary>The fields of a kind; <paramref name="group"/> is "" for the core group.</summary>
    public static SelectableFields For(string group, string kind, bool namespaced) =>
        BuiltInSelectableFields.Find(group, kind) ?? (namespaced ? DefaultNamespaced : DefaultClusterScoped);

    /// <summary>Whether the server accepts the field label in a field selector for this kind.</summary>
    public bool IsSupported(string field) => acceptedLabels.ContainsKey(field);

    /// <summary>
    /// The server's message for a field it does not accept: <c>field label not supported: f</c> for
    /// kinds with their own conversion, <c>"f" is not a known field selector: only "metadata.name",
    /// "metadata.namespace"</c> for the rest.
    /// </summary>
    public string UnsupportedFieldMessage(string field) => unsupportedMessage(field);

    /// <summary>
    /// Runs every term through the kind's field-label conversion, as the server does before
    /// listing: legacy names become current ones (a pod's <c>spec.host</c> is
    /// <c>spec.nodeName</c>), and the first unsupported field, in term order, fails with the
    /// server's message.
    /// </summary>
    public bool TryConvert(FieldSelector selector, [NotNullWhen(true)] out FieldSelector? converted, [NotNullWhen(false)] out string? error)
    {
        var requirements = new List<FieldRequirement>(selector.Requirements.Count);
        foreach (var requirement in selector.Requirements)
        {
            if (!acceptedLabels.TryGetValue(requirement.Field, out var field))
            {
                converted = null;
                error = unsupportedMessage(requirement.Field);
                return false;
            }
            requirements.Add(requirement with { Field = field });
        }
        converted = new FieldSelector(requirements);
        error = null;
        return true;
    }

    /// <summary>
    /// The value the server compares for a field of an object given as its JSON. A field outside
    /// the kind's selectable set, or absent from the object, is <c>""</c>; booleans are
    /// <c>"true"</c>/<c>"false"</c> and counts decimal, absent ones <c>"false"</c> and <c>"0"</c>
    /// (the zero values of the server's typed objects).
    /// </summary>
    public string ValueOf(string field, JsonElement item)
    {
        var selectable = acceptedLabels.TryGetValue(field, out var converted) ? converted : field;
        return values.TryGetValue(selectable, out var valueOf) ? valueOf(item) : "";
    }

    /// <summary>Whether an object matches a field selector, field labels converted as on the server.</summary>
    public bool Matches(FieldSelector selector, JsonElement item) => selector.Matches(field => ValueOf(field, item));

    // runtime.DefaultMetaV1FieldSelectorConversion: accepts metadata.namespace even for
    // cluster-scoped kinds, whose selectable set lacks it, so it compares as "" there.
    private static SelectableFields Default(bool namespaced)
    {
        var fieldValues = new Dictionary<string, Func<JsonElement, string>>(StringComparer.Ordinal)
        {
            [MetadataName] = item => JsonFields.Text(item, MetadataName),
        };
        if (namespaced)
            fieldValues[MetadataNamespace] = item => JsonFields.Text(item, MetadataNamespace);
        return new SelectableFields(
            new Dictionary<string, string>(StringComparer.Ordinal) { [MetadataName] = MetadataName, [MetadataNamespace] = MetadataNamespace },
            field => $"{GoText.Quote(field)} is not a known field selector: only \"metadata.name\", \"metadata.namespace\"",
            fieldValues);
    }
}
