using System.Globalization;
using NodaTime;
using OrdinanceRules.Conditions;
using OrdinanceRules.Model;

namespace OrdinanceRules.Compilation;

/// <summary>
/// Whether a provision was in force at an event's time: before adoption or before the effective date it
/// was not; with the effective date unknown, or under an amendment whose text is unknown, it cannot be
/// determined. Dates are read as the start of the day in the jurisdiction's zone.
/// </summary>
internal sealed class LawPeriod
{
    private readonly Ordinance _ordinance;
    private readonly Provision _provision;
    private readonly DateTimeZone _zone;
    private readonly List<Amendment> _amendments;

    public LawPeriod(Ordinance ordinance, Provision provision, DateTimeZone zone)
    {
        _ordinance = ordinance;
        _provision = provision;
        _zone = zone;
        _amendments = [.. ordinance.Amendments.Where(a => a.Affects.Contains(provision.Id))];
    }

    /// <summary>In force at <paramref name="eventTime"/>: yes, no, or unknown naming why.</summary>
    public Val Check(Val eventTime, Val assumeInForce) => Judge(eventTime, assumeInForce).Result;

    /// <summary>Why the provision was not in force at the event's time, in a sentence.</summary>
    public string Describe(Val eventTime, Val assumeInForce) => Judge(eventTime, assumeInForce).Why;

    private (Val Result, string Why) Judge(Val eventTime, Val assumeInForce)
    {
        if (!eventTime.IsKnown)
        {
            return (eventTime.IsAbsent ? Val.Unknown($"when the event happened (provision {_provision.Id}'s event time is not stated)") : eventTime, string.Empty);
        }

        var at = (DateTimeOffset)eventTime.Value!;
        var when = Text(at);
        var citation = _ordinance.Citation;
        if (Start(_ordinance.AdoptedOn) is { } adopted && at < adopted)
        {
            return (Val.False, $"The event ({when}) predates the adoption of {citation} on {Day(_ordinance.AdoptedOn)}.");
        }

        var from = _provision.InForce?.From ?? _ordinance.EffectiveFrom;
        if (Start(from) is { } effective)
        {
            if (at < effective)
            {
                return (Val.False, $"The event ({when}) precedes the day provision {_provision.Id} took effect, {Day(from)}.");
            }
        }
        else if (!Ops.IsTrue(assumeInForce))
        {
            var why = $"the effective date of {citation} is unknown (in Kansas, the day of publication), so whether it was in force on {when} is unknown";
            return (assumeInForce.IsUnknown ? Val.Unknown(assumeInForce.Missing.Add(why)) : Val.Unknown(why), string.Empty);
        }

        if (Start(_provision.InForce?.Until) is { } until && at >= until)
        {
            return (Val.False, $"The event ({when}) comes after provision {_provision.Id} ceased to be in force on {Day(_provision.InForce!.Until)}.");
        }

        foreach (var amendment in _amendments)
        {
            if (Start(amendment.EffectiveFrom) is { } amended)
            {
                if (at < amended)
                {
                    continue;
                }

                if (amendment.TextKnown)
                {
                    return (Val.False, $"The event ({when}) is judged by {citation} as amended by {amendment.Id} ({amendment.Title}), in force from {Day(amendment.EffectiveFrom)}.");
                }

                return (Val.Unknown($"the text of amendment {amendment.Id} ({amendment.Title}), which governs events from {Day(amendment.EffectiveFrom)}, is unknown"), string.Empty);
            }

            if (Start(amendment.AdoptedOn) is { } amendmentAdopted && at >= amendmentAdopted)
            {
                return (Val.Unknown($"whether amendment {amendment.Id} ({amendment.Title}), adopted {Day(amendment.AdoptedOn)}, was in force on {when} (its effective date is unknown)"), string.Empty);
            }
        }

        return (Val.True, string.Empty);
    }

    private DateTimeOffset? Start(DateOnly? day) =>
        day is { } d ? _zone.AtStartOfDay(LocalDate.FromDateOnly(d)).ToDateTimeOffset() : null;

    private string Text(DateTimeOffset at) =>
        Instant.FromDateTimeOffset(at).InZone(_zone).ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "an unknown day";
}
