using System.Globalization;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Bench.Cli;

/// <summary>
/// The options after a subcommand: <c>--name value</c> pairs and bare <c>--flag</c>s, each checked
/// against what the subcommand takes, so a typo is an error and not a silently different benchmark.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _values;
    private readonly HashSet<string> _flags;

    private CommandLine(Dictionary<string, List<string>> values, HashSet<string> flags)
    {
        _values = values;
        _flags = flags;
    }

    /// <param name="valueOptions">Options that take a value (may repeat).</param>
    /// <param name="flagOptions">Options that stand alone.</param>
    /// <exception cref="KubeFleetException">BenchArgumentInvalid.</exception>
    public static CommandLine Parse(IReadOnlyList<string> arguments, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flagOptions)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i++)
        {
            var option = arguments[i];
            if (flagOptions.Contains(option))
            {
                flags.Add(option);
            }
            else if (valueOptions.Contains(option))
            {
                if (i + 1 >= arguments.Count)
                {
                    throw BenchErrors.Argument($"{option} needs a value.", option);
                }

                if (!values.TryGetValue(option, out var list))
                {
                    values[option] = list = [];
                }

                list.Add(arguments[++i]);
            }
            else
            {
                var known = valueOptions.Concat(flagOptions).Order(StringComparer.Ordinal);
                throw BenchErrors.Argument($"'{option}' is not an option of this command; it takes {string.Join(", ", known)}.", option);
            }
        }

        return new CommandLine(values, flags);
    }

    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The option's last value, or null when it was not given.</summary>
    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    /// <summary>Every value the option was given, in order (for options that may repeat).</summary>
    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public string Required(string name) =>
        Value(name) ?? throw BenchErrors.Argument($"{name} is required.", name);

    public int Int(string name, int fallback, int minimum) => Value(name) is { } text ? ParseInt(name, text, minimum) : fallback;

    /// <summary>A comma-separated list of whole numbers, e.g. <c>--clients 1,2,4</c>.</summary>
    public IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback, int minimum) =>
        Value(name) is { } text
            ? text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part => ParseInt(name, part, minimum)).ToList()
            : fallback;

    /// <summary>A duration in seconds, fractions allowed.</summary>
    public TimeSpan? Seconds(string name)
    {
        if (Value(name) is not { } text)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0) || double.IsInfinity(seconds))
        {
            throw BenchErrors.Argument($"{name} takes a positive number of seconds, not '{text}'.", name);
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static int ParseInt(string name, string text, int minimum)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw BenchErrors.Argument($"{name} takes a whole number of at least {minimum}, not '{text}'.", name);
        }

        return value;
    }
}
