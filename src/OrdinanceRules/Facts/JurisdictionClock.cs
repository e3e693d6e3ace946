using System.Globalization;
using NodaTime;
using NodaTime.Text;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Facts;

/// <summary>
/// Reads times in a jurisdiction's IANA time zone. A local time that a daylight-saving change
/// skips or repeats cannot be read without an offset.
/// </summary>
/// <remarks>Uses the time-zone database embedded in NodaTime, so results do not depend on the host.</remarks>
public sealed class JurisdictionClock
{
    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm"),
    ];

    private readonly DateTimeZone _zone;

    private JurisdictionClock(string timeZoneId, DateTimeZone zone)
    {
        TimeZoneId = timeZoneId;
        _zone = zone;
    }

    /// <summary>The IANA zone id, such as <c>America/Chicago</c>.</summary>
    public string TimeZoneId { get; }

    /// <summary>Whether <paramref name="timeZoneId"/> is an IANA zone id this library knows.</summary>
    /// <param name="timeZoneId">The zone id.</param>
    /// <returns>True when known.</returns>
    public static bool IsKnownZone(string? timeZoneId) =>
        timeZoneId is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId) is not null;

    /// <summary>The clock of an IANA zone.</summary>
    /// <param name="timeZoneId">The zone id, such as <c>America/Chicago</c>.</param>
    /// <returns>The clock.</returns>
    /// <exception cref="ArgumentException">The zone id is not known.</exception>
    public static JurisdictionClock For(string timeZoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId)
            ?? throw new ArgumentException($"'{timeZoneId}' is not an IANA time zone id", nameof(timeZoneId));
        return new JurisdictionClock(timeZoneId, zone);
    }

    /// <summary>Reads a local date and time in this zone.</summary>
    /// <param name="local">The local date and time; its <see cref="DateTime.Kind"/> is ignored.</param>
    /// <param name="instant">The instant, when the local time occurs exactly once.</param>
    /// <param name="error">Why it could not be read: it was skipped or repeated by a daylight-saving change.</param>
    /// <returns>True when read.</returns>
    public bool TryResolveLocal(DateTime local, out DateTimeOffset instant, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        var ldt = LocalDateTime.FromDateTime(local);
        if (ldt.Year is < Limits.MinYear or > Limits.MaxYear)
        {
            instant = default;
            error = $"{ldt.ToString("uuuu-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)} is out of range: the allowed {Limits.InstantRange}";
            return false;
        }

        var mapping = _zone.MapLocal(ldt);
        var text = ldt.ToString("uuuu-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        switch (mapping.Count)
        {
            case 1:
                instant = mapping.Single().ToDateTimeOffset();
                if (!Limits.InRange(instant))
                {
                    error = $"{text} in {TimeZoneId} is out of range: the allowed {Limits.InstantRange}";
                    return false;
                }

                error = null;
                return true;
            case 0:
                instant = default;
                error = $"local time {text} does not exist in {TimeZoneId}: a daylight-saving change skips it; give the offset";
                return false;
            default:
                instant = default;
                error = $"local time {text} occurs twice in {TimeZoneId} (offsets {mapping.First().Offset} and {mapping.Last().Offset}); give the offset";
                return false;
        }
    }

    /// <summary>
    /// Reads an ISO 8601 instant, such as <c>2021-03-01T09:00:00-06:00</c>, <c>2021-03-01T15:00:00Z</c>
    /// or a local <c>2021-03-01T09:00</c> read in this zone.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="instant">The instant, when read.</param>
    /// <param name="error">Why it could not be read.</param>
    /// <returns>True when read.</returns>
    public bool TryParse(string text, out DateTimeOffset instant, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        foreach (var pattern in OffsetPatterns)
        {
            var result = pattern.Parse(trimmed);
            if (result.Success)
            {
                var value = result.Value;
                if (Math.Abs(value.Offset.Seconds) > Limits.MaxOffsetMinutes * 60 || value.Year is < Limits.MinYear or > Limits.MaxYear
                    || !Limits.InRange(instant = value.ToDateTimeOffset()))
                {
                    instant = default;
                    error = $"'{Echo.Value(text)}' is out of range: the allowed {Limits.InstantRange}";
                    return false;
                }

                error = null;
                return true;
            }
        }

        foreach (var pattern in LocalPatterns)
        {
            var result = pattern.Parse(trimmed);
            if (result.Success)
            {
                return TryResolveLocal(result.Value.ToDateTimeUnspecified(), out instant, out error);
            }
        }

        instant = default;
        error = $"'{Echo.Value(text)}' is not an ISO 8601 date and time (such as 2021-03-01T09:00:00-06:00, or 2021-03-01T09:00 read in {TimeZoneId})";
        return false;
    }

    /// <summary>The instant as this zone shows it, with its offset at that instant.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The same instant, offset as the zone has it.</returns>
    public DateTimeOffset ToLocal(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(_zone).ToDateTimeOffset();
}
