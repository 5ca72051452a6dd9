using System.Text;

namespace KubeFleet.Tests.Module;

/// <summary>
/// Reads a PowerShell data file (.psd1) as Import-PowerShellDataFile does for the constructs a
/// manifest uses: hashtables, arrays, quoted strings, numbers, $true/$false and comments. Strings
/// are kept as written; anything else (expressions, variables) is refused, as PowerShell refuses it.
/// </summary>
public sealed class PowerShellDataFile
{
    private readonly string text;
    private int position;

    private PowerShellDataFile(string text) => this.text = text;

    public static Dictionary<string, object?> Read(string path)
    {
        var reader = new PowerShellDataFile(File.ReadAllText(path));
        var value = reader.ReadValue();
        reader.SkipTrivia();
        if (reader.position != reader.text.Length || value is not Dictionary<string, object?> table)
        {
            throw new FormatException($"{path} is not a single hashtable.");
        }

        return table;
    }

    private object? ReadValue()
    {
        SkipTrivia();
        if (Take("@{"))
        {
            return ReadHashtable();
        }

        if (Take("@("))
        {
            return ReadArray();
        }

        if (Peek() is '\'' or '"')
        {
            return ReadString();
        }

        if (Take("$true"))
        {
            return true;
        }

        if (Take("$false"))
        {
            return false;
        }

        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '.' or '-'))
        {
            position++;
        }

        return position > start ? text[start..position] : throw Unexpected();
    }

    private Dictionary<string, object?> ReadHashtable()
    {
        var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipTrivia(includingSeparators: true);
            if (Take("}"))
            {
                return table;
            }

            var key = Peek() is '\'' or '"' ? ReadString() : ReadBareWord();
            SkipTrivia();
            Expect('=');
            table.Add(key, ReadValue());
        }
    }

    private List<object?> ReadArray()
    {
        var items = new List<object?>();
        while (true)
        {
            SkipTrivia(includingSeparators: true);
            if (Take(")"))
            {
                return items;
            }

            items.Add(ReadValue());
            SkipTrivia();
            Take(",");
        }
    }

    private string ReadString()
    {
        var quote = text[position++];
        var value = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == quote)
            {
                // A doubled quote is the quote itself.
                if (Peek() != quote)
                {
                    return value.ToString();
                }

                position++;
            }

            value.Append(c);
        }

        throw new FormatException("Unterminated string.");
    }

    private string ReadBareWord()
    {
        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_'))
        {
            position++;
        }

        return position > start ? text[start..position] : throw Unexpected();
    }

    private void SkipTrivia(bool includingSeparators = false)
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '#')
            {
                while (position < text.Length && text[position] != '\n')
                {
                    position++;
                }
            }
            else if (char.IsWhiteSpace(c) || includingSeparators && c == ';')
            {
                position++;
            }
            else
            {
                return;
            }
        }
    }

    private bool Take(string token)
    {
        if (string.CompareOrdinal(text, position, token, 0, token.Length) != 0)
        {
            return false;
        }

        position += token.Length;
        return true;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Unexpected();
        }

        position++;
    }

    private char? Peek() => position < text.Length ? text[position] : null;

    private FormatException Unexpected() =>
        new($"Unexpected '{(position < text.Length ? text[position] : "end of file")}' at offset {position}.");
}
