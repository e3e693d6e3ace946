using System.Globalization;
using System.Text;

namespace OrdinanceRules.Diagnostics;

/// <summary>
/// Untrusted text made safe to show: control characters (which can retitle or clear a terminal, or forge a
/// line) and bidirectional overrides are written as visible escapes such as <c>\u001B</c>, and a value echoed
/// in a message is cut to a short prefix.
/// </summary>
internal static class Echo
{
    /// <summary>A name after "a" or "an", as it sounds: an action, a document.</summary>
    public static string WithArticle(string name) => ("aeiouAEIOU".Contains(name[0], StringComparison.Ordinal) ? "an " : "a ") + name;

    /// <summary>Text with every control character escaped; line breaks too, so that it stays on one line.</summary>
    public static string Clean(string? text) => Escape(text, keepLineBreaks: false);

    /// <summary>Text with every control character escaped except line breaks and tabs, for multi-line output.</summary>
    public static string CleanLines(string? text) => Escape(text, keepLineBreaks: true);

    /// <summary>A value for a message: cleaned, and cut to <see cref="Limits.MaxEchoedValue"/> characters with its length.</summary>
    public static string Value(string? text)
    {
        var value = text ?? string.Empty;
        if (value.Length <= Limits.MaxEchoedValue)
        {
            return Clean(value);
        }

        var cut = value[..Limits.MaxEchoedValue];
        if (char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Clean(cut)}… ({value.Length:N0} characters)");
    }

    /// <summary>Whether a character is escaped by <see cref="Clean"/>.</summary>
    public static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u200E' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') || char.IsSurrogate(c);

    private static string Escape(string? text, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var i = 0;
        while (i < text.Length && !Unsafe(text, i, keepLineBreaks))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (Unsafe(text, i, keepLineBreaks))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool Unsafe(string text, int i, bool keepLineBreaks)
    {
        var c = text[i];
        if (keepLineBreaks && c is '\n' or '\t')
        {
            return false;
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        }

        return IsUnsafe(c);
    }
}
