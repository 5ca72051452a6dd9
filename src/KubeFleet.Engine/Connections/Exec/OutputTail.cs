using System.Text;

namespace KubeFleet.Engine.Connections.Exec;

/// <summary>
/// The last few KB of a program's error output, readable while it is still being captured: a
/// plugin stopped at its timeout has usually said why it hangs ("waiting for MFA code").
/// </summary>
internal sealed class OutputTail(int maxChars)
{
    private readonly StringBuilder _text = new();
    private bool _truncated;

    public async Task CaptureAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            lock (_text)
            {
                _text.Append(buffer, 0, read);
                if (_text.Length > maxChars)
                {
                    _text.Remove(0, _text.Length - maxChars);
                    _truncated = true;
                }
            }
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _truncated ? "…" + _text : _text.ToString();
        }
    }
}
