using System.Globalization;
using System.Text.RegularExpressions;
using OrdinanceRules.Diagnostics;

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
    /// <remarks>
    /// Each part is at most <see cref="Limits.MaxDurationPart"/> and the whole at most <see cref="Limits.MaxDuration"/>;
    /// anything larger is not a duration.
    /// </remarks>
    public static bool TryParse(string? text, out TimeSpan duration) => TryParse(text, out duration, out _);

    /// <summary>Parses a duration; <paramref name="rangeError"/> says so when it is written well but too large.</summary>
    internal static bool TryParse(string? text, out TimeSpan duration, out string? rangeError)
    {
        duration = TimeSpan.Zero;
        rangeError = null;
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
            if (!long.TryParse(part.Value.AsSpan(0, part.Value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > Limits.MaxDurationPart)
            {
                rangeError = match.Groups["part"].Captures.Count == 1
                    ? $"'{Echo.Value(text)}' is out of range: the allowed {Limits.DurationRange}"
                    : $"'{Echo.Value(part.Value)}' in '{Echo.Value(text)}' is out of range: the allowed {Limits.DurationRange}";
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

        if (seconds > (long)Limits.MaxDuration.TotalSeconds)
        {
            rangeError = $"'{Echo.Value(text)}' is out of range: the allowed {Limits.DurationRange}";
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>Formats a duration the way <see cref="TryParse(string?, out TimeSpan)"/> reads it, such as <c>48h</c> or <c>1h30m</c>.</summary>
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
