namespace KubeFleet.Engine.Selectors;

/// <summary>How a field selector term compares its field to its value. <c>==</c> is <see cref="Equals"/>.</summary>
public enum FieldOperator
{
    Equals,
    NotEquals,
}
