using System.Globalization;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;

namespace OrdinanceRules.Compilation;

/// <summary>
/// Checks an ordinance against <see cref="Limits"/> before any rule is built: how many provisions and exceptions
/// it has, how many variables each match binds (each one a join in the Rete network), how large its calendars
/// are, and whether its dates and durations are within range.
/// </summary>
internal static class OrdinanceLimits
{
    public static IEnumerable<Diagnostic> Check(Ordinance ordinance)
    {
        var where = ordinance.Location;
        if (ordinance.Provisions.Length > Limits.MaxProvisions)
        {
            yield return new Diagnostic(DiagnosticCodes.OrdinanceLimit, $"the ordinance has {ordinance.Provisions.Length:N0} provisions; the limit is {Limits.MaxProvisions:N0}", where);
        }

        var exceptions = ordinance.Provisions.Sum(p => OrdinanceValidator.Flatten(p.Exceptions).Count());
        if (exceptions > Limits.MaxExceptions)
        {
            yield return new Diagnostic(DiagnosticCodes.OrdinanceLimit, $"the ordinance has {exceptions:N0} exceptions; the limit is {Limits.MaxExceptions:N0}", where);
        }

        if (ordinance.Definitions.Length > Limits.MaxDefinitions)
        {
            yield return new Diagnostic(DiagnosticCodes.OrdinanceLimit, $"the ordinance has {ordinance.Definitions.Length:N0} definitions; the limit is {Limits.MaxDefinitions:N0}", where);
        }

        foreach (var (what, day) in Dates(ordinance))
        {
            if (day is { } d && !Limits.InRange(d))
            {
                yield return new Diagnostic(DiagnosticCodes.ValueOutOfRange, $"{what} is {Day(d)}, out of range: the allowed {Limits.DateRange}", where);
            }
        }

        foreach (var calendar in ordinance.Calendars)
        {
            if (calendar.Holidays.Length > Limits.MaxHolidays)
            {
                yield return new Diagnostic(DiagnosticCodes.OrdinanceLimit, $"calendar {Echo.Value(calendar.Name)} lists {calendar.Holidays.Length:N0} holidays; the limit is {Limits.MaxHolidays:N0}", where);
            }

            if (calendar.Holidays.Where(h => !Limits.InRange(h)).Select(h => (DateOnly?)h).FirstOrDefault() is { } bad)
            {
                yield return new Diagnostic(DiagnosticCodes.ValueOutOfRange, $"calendar {Echo.Value(calendar.Name)} lists {Day(bad)}, out of range: the allowed {Limits.DateRange}", where);
            }
        }

        foreach (var provision in ordinance.Provisions)
        {
            var subject = provision.For.Length + (provision.ViolatedWhen?.For.Length ?? 0);
            var deepest = subject + provision.Exceptions.Select(Variables).DefaultIfEmpty(0).Max();
            var metBy = provision.For.Length + (provision.Duty?.MetBy.For.Length ?? 0);
            var most = Math.Max(deepest, metBy);
            if (most > Limits.MaxVariables)
            {
                yield return new Diagnostic(DiagnosticCodes.OrdinanceLimit, $"provision {Echo.Value(provision.Id)} binds {most} variables in one match (its 'for', its breach's and its exceptions'); the limit is {Limits.MaxVariables}: each variable multiplies the combinations of facts to consider", provision.Location);
            }

            foreach (var (what, duration) in Durations(provision))
            {
                if (!Limits.InRange(duration))
                {
                    yield return new Diagnostic(DiagnosticCodes.ValueOutOfRange, $"{what} of provision {Echo.Value(provision.Id)} is out of range: the allowed {Limits.DurationRange}", provision.Location);
                }
            }
        }
    }

    /// <summary>The most variables one chain of nested exceptions adds.</summary>
    private static int Variables(ProvisionException exception) =>
        exception.When.For.Length + exception.Exceptions.Select(Variables).DefaultIfEmpty(0).Max();

    private static IEnumerable<(string What, DateOnly? Day)> Dates(Ordinance o)
    {
        yield return ("the adoption date", o.AdoptedOn);
        yield return ("the effective date", o.EffectiveFrom);
        foreach (var a in o.Amendments)
        {
            yield return ($"the adoption date of amendment {Echo.Value(a.Id)}", a.AdoptedOn);
            yield return ($"the effective date of amendment {Echo.Value(a.Id)}", a.EffectiveFrom);
        }

        foreach (var p in o.Provisions)
        {
            yield return ($"the start of provision {Echo.Value(p.Id)}'s period in force", p.InForce?.From);
            yield return ($"the end of provision {Echo.Value(p.Id)}'s period in force", p.InForce?.Until);
        }
    }

    private static IEnumerable<(string What, TimeSpan Duration)> Durations(Provision p)
    {
        if (p.Duty?.Deadline?.Within is { } within)
        {
            yield return ("the deadline", within);
        }

        foreach (var e in OrdinanceValidator.Flatten(p.Exceptions))
        {
            if (e.Lapses is { } lapse)
            {
                yield return ($"the restart deadline of exception {Echo.Value(e.Id)}", lapse.RestartWithin);
            }
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
