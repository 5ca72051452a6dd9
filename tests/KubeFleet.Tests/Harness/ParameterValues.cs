using System.Collections;
using System.Globalization;

namespace KubeFleet.Tests.Harness;

/// <summary>The argument conversions PowerShell's binder makes that cmdlet tests rely on.</summary>
internal static class ParameterValues
{
    /// <summary>
    /// Whether <paramref name="value"/> binds to <paramref name="target"/> without conversion, as
    /// PowerShell's first pipeline binding passes require: assignable as it is, or as the elements
    /// of an array of that type.
    /// </summary>
    public static bool IsExact(object? value, Type target)
    {
        if (value is null || target.IsInstanceOfType(value))
        {
            return true;
        }

        if (!target.IsArray)
        {
            return false;
        }

        var elementType = target.GetElementType()!;
        return value is IEnumerable sequence and not string
            ? sequence.Cast<object?>().All(item => item is null || elementType.IsInstanceOfType(item))
            : elementType.IsInstanceOfType(value);
    }

    /// <summary>
    /// Converts <paramref name="value"/> to <paramref name="target"/>: as it is when assignable, a
    /// scalar wrapped into a one-element array, a collection copied into an array, a number or
    /// string through its IConvertible, any other single object to a string through ToString().
    /// Null when no conversion applies.
    /// </summary>
    public static bool TryConvert(object? value, Type target, out object? converted)
    {
        converted = null;
        if (value is null)
        {
            return !target.IsValueType || Nullable.GetUnderlyingType(target) is not null;
        }

        if (target.IsInstanceOfType(value))
        {
            converted = value;
            return true;
        }

        if (target.IsArray)
        {
            var elementType = target.GetElementType()!;
            var items = value is IEnumerable sequence and not string ? sequence.Cast<object?>().ToList() : [value];
            var array = Array.CreateInstance(elementType, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                if (!TryConvert(items[i], elementType, out var element))
                {
                    return false;
                }

                array.SetValue(element, i);
            }

            converted = array;
            return true;
        }

        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (underlying.IsEnum && value is string name && Enum.TryParse(underlying, name, ignoreCase: true, out var member))
        {
            converted = member;
            return true;
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(underlying) && !underlying.IsEnum)
        {
            try
            {
                converted = Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
                return true;
            }
            catch (Exception notConvertible) when (notConvertible is FormatException or InvalidCastException or OverflowException)
            {
                return false;
            }
        }

        if (underlying == typeof(string) && value is not IEnumerable)
        {
            converted = value.ToString();
            return true;
        }

        return false;
    }
}
