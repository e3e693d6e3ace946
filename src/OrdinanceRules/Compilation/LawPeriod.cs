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
    private readonly IReadOnlyList<VersionNode> _versions;

    public LawPeriod(Ordinance ordinance, Provision provision, DateTimeZone zone, IReadOnlyList<VersionNode>? versions = null)
    {
        _ordinance = ordinance;
        _provision = provision;
        _zone = zone;
        _versions = versions ?? [];

        // In date order (then by id), so that the order in which the file lists them never changes an outcome.
        _amendments = [.. ordinance.Amendments.Where(a => a.Affects.Contains(provision.Id))
            .OrderBy(a => a.EffectiveFrom ?? a.AdoptedOn ?? DateOnly.MaxValue).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The index (as written) of the version whose known text governs an event at <paramref name="eventTime"/>; -1 when
    /// the provision has no versions, the time is not known, or no version with known text was in force then.
    /// </summary>
    public int VersionAt(Val eventTime) =>
        eventTime.IsKnown && Governing(eventTime.Instant) is { Model.TextKnown: true } version ? version.Index : -1;

    private VersionNode? Governing(DateTimeOffset at) =>
        _versions.FirstOrDefault(v => (Start(v.Model.From) is not { } from || at >= from) && (Start(v.Until) is not { } until || at < until));

    /// <summary>In force at <paramref name="eventTime"/>: yes, no, or unknown naming why.</summary>
    public Val Check(Val eventTime, Val assumeInForce) => Judge(eventTime, assumeInForce).Result;

    /// <summary>
    /// Whether, when it is unknown if the provision was in force at the event's time, the text that would govern if it
    /// was is the provision's own, as compiled: the event's time is unknown but no period of unknown text (an amendment
    /// or version whose text is unknown, or an amendment whose effective date is unknown) could govern it; or the time is
    /// known and only the effective date is unknown. Then the outcome at every possible time is the provision's own or
    /// not applicable.
    /// </summary>
    public bool AsWritten(Val eventTime, Val assumeInForce)
    {
        if (!eventTime.IsKnown)
        {
            return _versions.Count == 0 && _amendments.All(a => a.TextKnown && a.EffectiveFrom is not null);
        }

        var at = eventTime.Instant;
        var from = _provision.InForce?.From ?? (_versions.Count > 0 ? _versions[0].Model.From : null) ?? _ordinance.EffectiveFrom;
        return Start(from) is null && !Ops.IsTrue(assumeInForce) && _versions.Count == 0
            && !(Start(_ordinance.AdoptedOn) is { } adopted && at < adopted)
            && !(Start(_provision.InForce?.Until) is { } until && at >= until)
            && Ops.IsTrue(Amended(at).Result);
    }

    /// <summary>Whether the law was in force, as the breach is weighed: yes where it is unknown but <see cref="AsWritten"/>.</summary>
    public Val Weighed(Val inForce, Val eventTime, Val assumeInForce) =>
        inForce.IsUnknown && AsWritten(eventTime, assumeInForce) ? Val.True : inForce;

    /// <summary>Why the provision was not in force at the event's time, in a sentence.</summary>
    public string Describe(Val eventTime, Val assumeInForce) => Judge(eventTime, assumeInForce).Why;

    private (Val Result, string Why) Judge(Val eventTime, Val assumeInForce)
    {
        if (!eventTime.IsKnown)
        {
            return (eventTime.IsAbsent ? Val.Unknown($"when the event happened (provision {_provision.Id}'s event time is not stated)") : eventTime, string.Empty);
        }

        // The event's time is worded (Text) only in a sentence that is returned: the verdict of every subject judges it.
        var at = eventTime.Instant;
        var citation = _ordinance.Citation;
        if (Start(_ordinance.AdoptedOn) is { } adopted && at < adopted)
        {
            return (Val.False, $"The event ({Text(at)}) predates the adoption of {citation} on {Day(_ordinance.AdoptedOn)}.");
        }

        var from = _provision.InForce?.From ?? (_versions.Count > 0 ? _versions[0].Model.From : null) ?? _ordinance.EffectiveFrom;
        if (Start(from) is { } effective)
        {
            if (at < effective)
            {
                return (Val.False, $"The event ({Text(at)}) precedes the day provision {_provision.Id} took effect, {Day(from)}.");
            }
        }
        else if (!Ops.IsTrue(assumeInForce))
        {
            var why = $"the effective date of {citation} is unknown (in Kansas, the day of publication), so whether it was in force on {Text(at)} is unknown";
            return (assumeInForce.IsUnknown ? Val.Unknown(assumeInForce.Missing.Add(UnknownCause.Because(why))) : Val.Unknown(why), string.Empty);
        }

        if (Start(_provision.InForce?.Until) is { } until && at >= until)
        {
            return (Val.False, $"The event ({Text(at)}) comes after provision {_provision.Id} ceased to be in force on {Day(_provision.InForce!.Until)}.");
        }

        if (_versions.Count > 0 && Version(at) is { } version)
        {
            return version;
        }

        return Amended(at);
    }

    /// <summary>Which version governs: none after the last one ends (not in force), or one whose text is unknown, or a gap.</summary>
    private (Val Result, string Why)? Version(DateTimeOffset at)
    {
        if (Governing(at) is { } governing)
        {
            return governing.Model.TextKnown ? null
                : (Val.Unknown($"the text of provision {_provision.Id} in force {governing.Period} is unknown, so how it judged the event of {Text(at)} is unknown"), string.Empty);
        }

        var last = _versions[^1];
        if (Start(last.Until) is { } end && at >= end)
        {
            return (Val.False, $"The event ({Text(at)}) comes after provision {_provision.Id} ceased to be in force on {Day(last.Until)}.");
        }

        var before = _versions.Last(v => Start(v.Until) is { } u && at >= u);
        var after = _versions.First(v => Start(v.Model.From) is { } f && at < f);
        return (Val.Unknown($"no text of provision {_provision.Id} is known for events from {Day(before.Until)} until {Day(after.Model.From)}, so how it judged the event of {Text(at)} is unknown"), string.Empty);
    }

    /// <summary>
    /// The amendments that affect the provision, weighed together so that their order never matters: once an
    /// amendment with known text is in force the original no longer applies (the latest such one is named);
    /// otherwise one in force whose text is unknown, or one adopted whose effective date is unknown, leaves it unknown.
    /// </summary>
    private (Val Result, string Why) Amended(DateTimeOffset at)
    {
        var citation = _ordinance.Citation;
        Amendment? known = null;
        Amendment? unknownText = null;
        foreach (var a in _amendments)
        {
            if (Start(a.EffectiveFrom) is { } amended && at >= amended)
            {
                unknownText = a;
                known = a.TextKnown ? a : known;
            }
        }

        if (known is not null)
        {
            return (Val.False, $"The event ({Text(at)}) is judged by {citation} as amended by {known.Id} ({known.Title}), in force from {Day(known.EffectiveFrom)}.");
        }

        if (unknownText is not null)
        {
            return (Val.Unknown($"the text of amendment {unknownText.Id} ({unknownText.Title}), which governs events from {Day(unknownText.EffectiveFrom)}, is unknown"), string.Empty);
        }

        if (_amendments.FirstOrDefault(a => a.EffectiveFrom is null && Start(a.AdoptedOn) is { } adopted && at >= adopted) is { } undated)
        {
            return (Val.Unknown($"whether amendment {undated.Id} ({undated.Title}), adopted {Day(undated.AdoptedOn)}, was in force on {Text(at)} (its effective date is unknown)"), string.Empty);
        }

        return (Val.True, string.Empty);
    }

    private DateTimeOffset? Start(DateOnly? day) =>
        day is { } d ? _zone.AtStartOfDay(LocalDate.FromDateOnly(d)).ToDateTimeOffset() : null;

    private string Text(DateTimeOffset at) =>
        Instant.FromDateTimeOffset(at).InZone(_zone).ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "an unknown day";
}
