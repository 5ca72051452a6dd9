namespace KubeFleet.Engine.Selectors;

/// <summary>How a label requirement relates its key to its values (apimachinery <c>selection.Operator</c>).</summary>
public enum LabelOperator
{
    /// <summary><c>key=value</c>: the label exists and has the value.</summary>
    Equals,

    /// <summary><c>key==value</c>: the same as <see cref="Equals"/>, kept apart only to print it back as written.</summary>
    DoubleEquals,

    /// <summary><c>key!=value</c>: the label is absent or has another value.</summary>
    NotEquals,

    /// <summary><c>key in (a,b)</c>: the label exists and has one of the values.</summary>
    In,

    /// <summary><c>key notin (a,b)</c>: the label is absent or has none of the values.</summary>
    NotIn,

    /// <summary><c>key</c>: the label exists.</summary>
    Exists,

    /// <summary><c>!key</c>: the label does not exist.</summary>
    DoesNotExist,

    /// <summary><c>key&gt;n</c>: the label is an integer greater than n.</summary>
    GreaterThan,

    /// <summary><c>key&lt;n</c>: the label is an integer less than n.</summary>
    LessThan,
}
