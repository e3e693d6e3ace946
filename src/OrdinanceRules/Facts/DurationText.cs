using System.Globalization;
using System.Text.RegularExpressions;

namespace OrdinanceRules.Facts;

/// <summary>
/// Durations as authors write them: a whole number and a unit, such as <c>48h</c>, <c>30m</c>,
/// <c>2d</c> or <c>90s</c>; several may follow each other (<c>1d12h</c>). Days are 24 elapsed hours.
/// </summary>
public static partial class DurationText
{
    /// <summary>Parses a duration.</summary>
    /// <param name="text">The text, such as <c>48h</c>.</param>
    /// <param name="duration">The duration, when the text is valid.</param>
    /// <returns>True when the text is a valid duration.</returns>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        long seconds = 0;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value[^1];
            if (!long.TryParse(part.Value.AsSpan(0, part.Value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 1_000_000)
            {
                return false;
            }

            seconds += unit switch
            {
                'd' => n * 86_400,
                'h' => n * 3_600,
                'm' => n * 60,
                _ => n,
            };
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>Formats a duration the way <see cref="TryParse"/> reads it, such as <c>48h</c> or <c>1h30m</c>.</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The text.</returns>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var sign = duration < TimeSpan.Zero ? "-" : string.Empty;
        var d = duration.Duration();
        var hours = (long)d.TotalHours;
        var text = (hours > 0 ? $"{hours}h" : string.Empty) +
                   (d.Minutes > 0 ? $"{d.Minutes}m" : string.Empty) +
                   (d.Seconds > 0 ? $"{d.Seconds}s" : string.Empty);
        return sign + (text.Length == 0 ? "0s" : text);
    }

    [GeneratedRegex("^(?<part>[0-9]+[dhms])+$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Pattern();
}
