using System.Text;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.KubeConfig;

/// <summary>
/// Turns raw kubeconfig bytes into text, and refuses what is not text before YAML ever sees it:
/// a binary file fed to the YAML parser gives a baffling syntax error, or worse, parses.
/// </summary>
internal static class KubeConfigText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16LittleEndian = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>UTF-8, or UTF-16 with a byte order mark (what Windows PowerShell 5.1 writes by default).</summary>
    public static string Decode(byte[] bytes, KubeConfigOrigin origin)
    {
        string text;
        try
        {
            text = bytes switch
            {
                [0xEF, 0xBB, 0xBF, ..] => StrictUtf8.GetString(bytes, 3, bytes.Length - 3),
                [0xFF, 0xFE, ..] => StrictUtf16LittleEndian.GetString(bytes, 2, bytes.Length - 2),
                [0xFE, 0xFF, ..] => StrictUtf16BigEndian.GetString(bytes, 2, bytes.Length - 2),
                _ => StrictUtf8.GetString(bytes),
            };
        }
        catch (DecoderFallbackException e)
        {
            throw NotText(origin, "is not text (it is neither UTF-8 nor UTF-16)", e);
        }
        return CheckText(text, origin);
    }

    /// <summary>Refuses text too large to parse, or with control characters no kubeconfig has.</summary>
    public static string CheckText(string text, KubeConfigOrigin origin)
    {
        if (Encoding.UTF8.GetByteCount(text) > KubeConfigLimits.MaxKubeConfigBytes)
        {
            throw TooLarge(origin);
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r') && c < '\u0080')
            {
                var line = 1 + text.AsSpan(0, i).Count('\n');
                throw NotText(origin, $"holds the control character U+{(int)c:X4} on line {line}, so it is binary data rather than a kubeconfig", null);
            }
        }
        return text.StartsWith('\uFEFF') ? text[1..] : text;
    }

    public static KubeFleetException TooLarge(KubeConfigOrigin origin) =>
        new(KubeConfigErrorIds.TooLarge, ErrorKind.LimitsExceeded,
            $"{origin.Description} is larger than {KubeConfigLimits.MaxKubeConfigBytes / (1024 * 1024)} MiB; no real kubeconfig is. Check that it is the right file, or export only the contexts you need with 'kubectl config view --raw --minify --context <name>'.",
            origin.Target);

    private static KubeFleetException NotText(KubeConfigOrigin origin, string problem, Exception? inner) =>
        new(KubeConfigErrorIds.NotText, ErrorKind.InvalidData,
            $"{origin.Description} {problem}. A kubeconfig is a YAML or JSON text file: check that the right file was given.",
            origin.Target, inner);
}
