using Google.OrTools.Sat;
using NodaTime;
using OrdinanceRules.Conditions;
using OrdinanceRules.Model;

namespace OrdinanceRules.Analysis.Encoding;

/// <summary>
/// Calendar time in a jurisdiction's zone, encoded exactly as <see cref="CalendarTime"/> and the deadline calculator
/// compute it, over the instants (whole minutes from <see cref="Shape.Epoch"/>) a value of the model can hold: tables
/// of the zone's offsets, of the months, and of the business days, precomputed with NodaTime over the value's bounds,
/// and element constraints that look an instant up in them.
/// </summary>
/// <remarks>
/// Local time is counted in minutes from 2000-01-01T00:00 on the zone's clock (a local day is 1440 of them, day 0 the
/// first of January 2000): an instant's local minutes are the instant plus the offset of the zone interval it falls in,
/// and a local time goes back to an instant through the intervals of the local time line, with daylight-saving gaps and
/// overlaps resolved as NodaTime's lenient resolver (or <see cref="DateTimeZone.AtStartOfDay"/>) resolves them.
/// </remarks>
internal sealed class ZoneCalendar(Sat sat, DateTimeZone zone)
{
    private const long Day = 24 * 60;

    /// <summary>The widest span of instants a table is built for (400 years): the shape's values stay far inside it.</summary>
    private const long MaxSpan = 400L * 366 * Day;

    private static readonly Instant EpochInstant = Instant.FromDateTimeOffset(Shape.Epoch);
    private static readonly LocalDate EpochDate = new(2000, 1, 1);

    public DateTimeZone Zone { get; } = zone;

    private readonly Dictionary<LinearExpr, (Num Day, Num Minute)> _local = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(LinearExpr Day, CalendarUnit Unit), Num> _units = [];

    private long[]? _monthInstants;

    private Sat Solver => sat;

    // ---- calendar arithmetic and boundaries (CalendarTime) ----------------------------------------

    /// <summary>An instant plus a calendar period, as <see cref="CalendarTime.Add"/>: the local date moves by months (the day clamped to the month's length), then days; the local time stays.</summary>
    public Num Add(Num t, CalendarPeriod period)
    {
        if (Exactly(t, at => CalendarTime.Add(at, period, Zone), "calendarAdd") is { } exact)
        {
            return exact;
        }

        var (day, minute) = LocalDay(t);
        var moved = period.Months == 0 ? day : PlusMonths(day, period.Months);
        var date = sat.Sum(moved, Num.Of(period.Days), subtract: false);
        var local = Linear(date, Day, minute);
        return Resolve(local, startOfDay: false);
    }

    /// <summary>
    /// A calendar function of an instant computed by <see cref="CalendarTime"/> itself where it can be: for a constant, and
    /// entry by entry for an instant looked up in a table (a recurring duty's period boundaries, <see cref="Sat.Map"/>);
    /// null for any other instant, which the general encoding takes.
    /// </summary>
    private Num? Exactly(Num t, Func<DateTimeOffset, DateTimeOffset> function, string name)
    {
        long Of(long minutes) => ConditionEncoder.Minutes(function(At(minutes)));
        return t.Constant is { } c ? Num.Of(Of(c)) : sat.Map(t, Of, name);
    }

    /// <summary>The start, or the end (the next one's start), of the day, month, quarter or year an instant falls in, as <see cref="CalendarTime.Boundary"/>.</summary>
    public Num Boundary(Num t, CalendarUnit unit, bool end)
    {
        if (Exactly(t, at => CalendarTime.Boundary(at, unit, end, Zone), "calendarBoundary") is { } exact)
        {
            return exact;
        }

        var (day, _) = LocalDay(t);
        if (unit == CalendarUnit.Day)
        {
            var start = end ? sat.Sum(day, Num.Of(1), subtract: false) : day;
            return Resolve(Linear(start, Day, Num.Of(0)), startOfDay: true);
        }

        if (unit == CalendarUnit.Month)
        {
            var month = MonthOf(day);
            // Whole minutes where it matters: far from the shape's instants, a zone's local mean time may hold seconds.
            _monthInstants ??= [.. MonthStarts.Select(d => (long)Math.Floor((Zone.AtStartOfDay(DateOf(d)).ToInstant() - EpochInstant).TotalMinutes))];
            return sat.Element(end ? sat.Sum(month, Num.Of(1), subtract: false) : month, _monthInstants, "monthStartInstant");
        }

        // The quarters or years the day range reaches, each by its first day, and the instant each begins.
        var first = CalendarTime.StartDate(DateOf(day.Lb), unit);
        var starts = new List<LocalDate> { first };
        while (starts[^1] <= DateOf(day.Ub))
        {
            starts.Add(CalendarTime.NextDate(starts[^1], unit));
        }

        var index = Cached(day, unit, () => Segment(day, [.. starts.Select(DayOf)], "unit"));
        var instants = starts.Select(d => ConditionEncoder.StartOfDay(Zone, d)).ToArray();
        return sat.Element(end ? sat.Sum(index, Num.Of(1), subtract: false) : index, instants, "unitStart");
    }

    // ---- business time (DeadlineCalculator) -----------------------------------------------------------

    /// <summary>
    /// The due instant of a deadline counted in business hours, as <c>DeadlineCalculator</c> counts it: the first instant
    /// by which <paramref name="minutes"/> minutes of business days (whole days in the zone, not Saturdays, Sundays or the
    /// calendar's holidays) have passed since the anchor; and whether it is known (the count meets no weekday of a year
    /// the calendar does not cover).
    /// </summary>
    public (Num Due, Lit Known) BusinessHours(Num anchor, long minutes, HolidayCalendar? calendar)
    {
        if (calendar is not { Holidays.IsDefaultOrEmpty: false } && !TransitionOnAWeekday(anchor.Lb, anchor.Ub + (2 * minutes) + (10 * Day)))
        {
            return (WeeklyBusinessHours(anchor, minutes), Lit.True);
        }

        var (day, _) = LocalDay(anchor);
        var days = new BusinessDays(this, DateOf(day.Lb), DateOf(day.Ub), calendar, minutes, 0);
        if (days.Count == 0)
        {
            return (Num.Of(0), Lit.False);
        }

        // Business minutes before the anchor, counted from the first day of the table: those of the days before its own,
        // and of its own day up to it when that day is a business day (min(C[i+1], C[i] + anchor - start[i])). Outside
        // the table's days the count is unknown, and any value will do.
        var (index, inRange) = days.IndexOf(day, this);
        var next = sat.Element(index, days.Padded(days.Cumulative.Skip(1)), "businessNext");
        var own = sat.Sum(anchor, sat.Element(index, days.Padded(days.Cumulative.Take(days.Count).Select((c, i) => c - days.Starts[i])), "businessOffset"), subtract: false);
        var before = sat.NewInt(Math.Min(0, own.Lb), Math.Max(0, next.Ub), "businessBefore");
        sat.Model.AddMinEquality(before.Expr, [next.Expr, own.Expr]);
        var target = sat.Sum(before, Num.Of(minutes), subtract: false);

        // The business day in which the target is reached: C[k] < target <= C[k+1].
        var business = Enumerable.Range(0, days.Count).Where(i => days.IsBusiness[i]).ToList();
        if (business.Count == 0)
        {
            return (Num.Of(0), Lit.False);
        }

        var breaks = business.Select(i => days.Cumulative[i]).Append(days.Total).ToList();
        var reach = sat.Sum(target, Num.Of(1), subtract: true);
        var k = Segment(reach, [.. breaks], "businessDay");
        var offsets = business.Select(i => days.Starts[i] - days.Cumulative[i]).ToList();
        offsets.Add(offsets[^1]);
        var due = sat.Sum(sat.Element(k, [.. offsets], "businessDueOffset"), target, subtract: false);
        var known = sat.And(inRange, sat.Less(target, Num.Of(days.Limit), strict: false));
        return (due, known);
    }

    /// <summary>
    /// The due instant of a deadline counted in business days, as <c>DeadlineCalculator</c> counts it: the end of the
    /// <paramref name="count"/>-th business day after the anchor's day, less one tick (given as the next day's start: the
    /// caller compares with it as with an instant just before it, <see cref="Term.JustBefore"/>); and whether it is known.
    /// </summary>
    public (Num Due, Lit Known) BusinessDaysDue(Num anchor, int count, HolidayCalendar? calendar)
    {
        var (day, _) = LocalDay(anchor);
        if (calendar is not { Holidays.IsDefaultOrEmpty: false })
        {
            // Weekends only: the count repeats each week. The business days through the anchor's day (from the Monday
            // of the weeks' origin), plus the count, is the due day's place among business days.
            var (weeks, weekday) = Weeks(day);
            var through = sat.Sum(Linear(weeks, 5, sat.Element(weekday, [1, 2, 3, 4, 5, 5, 5], "businessThrough")), Num.Of(count - 1), subtract: false);
            var dueDay = BusinessDay(through);
            return (Resolve(Linear(sat.Sum(dueDay, Num.Of(1), subtract: false), Day, Num.Of(0)), startOfDay: true), Lit.True);
        }

        var days = new BusinessDays(this, DateOf(day.Lb), DateOf(day.Ub), calendar, 0, count);
        if (days.Count == 0)
        {
            return (Num.Of(0), Lit.False);
        }

        // The count is taken after the anchor's day: the business days up to and including it, plus the count, is the
        // index of the last day counted among the table's business days.
        var (index, inRange) = days.IndexOf(day, this);
        var counted = days.CountedThrough;
        var target = sat.Sum(sat.Element(index, days.Padded(counted), "businessCount"), Num.Of(count), subtract: false);
        var business = Enumerable.Range(0, days.Count).Where(i => days.IsBusiness[i]).ToList();
        var ends = business.Select(i => days.Starts[i + 1]).ToList();
        if (ends.Count == 0)
        {
            return (Num.Of(0), Lit.False);
        }

        // target is 1-based; beyond the table (where the count meets an uncovered year) any value will do.
        var position = sat.NewInt(0, ends.Count - 1, "businessPosition");
        sat.Model.AddMinEquality(position.Expr, [LinearExpr.Constant(ends.Count - 1), (target.Expr - 1)]);
        var due = sat.Element(position, [.. ends], "businessDayEnd");
        var known = sat.And(inRange, sat.Less(target, Num.Of(days.BusinessBeforeLimit), strict: false));
        return (due, known);
    }

    /// <summary>Monday 3 January 2000, the origin of <see cref="Weeks"/>, as a local day; it stands a number of whole weeks back, so every day of the model is after it.</summary>
    private const long MondayOrigin = 2 - (7 * 600 * 53);

    /// <summary>A local day's week (from the origin) and its day of the week (0 for Monday to 6 for Sunday).</summary>
    private (Num Weeks, Num Weekday) Weeks(Num day)
    {
        var shifted = sat.Sum(day, Num.Of(MondayOrigin), subtract: true);
        if (shifted.Lb < 0)
        {
            throw new NotSupportedException("business time before the year 1400");
        }

        var weeks = sat.NewInt(shifted.Lb / 7, shifted.Ub / 7, "weeks");
        var weekday = sat.NewInt(0, 6, "weekday");
        sat.Model.Add(weekday.Expr == shifted.Expr - (weeks.Expr * 7));
        return (weeks, weekday);
    }

    /// <summary>The local day of the business day at a place (from 0, the origin's Monday) among the weekdays.</summary>
    private Num BusinessDay(Num place)
    {
        var weeks = sat.NewInt(place.Lb / 5, place.Ub / 5, "businessWeeks");
        var weekday = sat.NewInt(0, 4, "businessWeekday");
        sat.Model.Add(weekday.Expr == place.Expr - (weeks.Expr * 5));
        return sat.Sum(Linear(weeks, 7, weekday), Num.Of(MondayOrigin), subtract: false);
    }

    /// <summary>
    /// Business hours on weekends only, where no clock change falls on a weekday: every business day is 1440 minutes of
    /// the local clock, so the count is weekly arithmetic on local time. The business minutes before the anchor (from the
    /// origin's Monday), plus the deadline's, less one, give the business day and the minute in it (1 to 1440) at which
    /// the count ends; its local time, resolved as a day's start when it is the next midnight, is the due instant.
    /// </summary>
    private Num WeeklyBusinessHours(Num anchor, long minutes)
    {
        var (day, minute) = LocalDay(anchor);
        var (weeks, weekday) = Weeks(day);
        var own = sat.NewInt(0, Day, "businessOwn");
        sat.Model.AddMinEquality(own.Expr, [minute.Expr, sat.Element(weekday, [Day, Day, Day, Day, Day, 0, 0], "businessCap").Expr]);
        var before = sat.Sum(Linear(weeks, 5 * Day, sat.Element(weekday, [0, Day, 2 * Day, 3 * Day, 4 * Day, 5 * Day, 5 * Day], "businessWeek")), own, subtract: false);
        var last = sat.Sum(before, Num.Of(minutes - 1), subtract: false);
        var place = sat.NewInt(last.Lb / Day, last.Ub / Day, "businessPlace");
        var into = sat.NewInt(1, Day, "businessMinute");
        sat.Model.Add(into.Expr == last.Expr - (place.Expr * Day) + 1);
        return Resolve(Linear(BusinessDay(place), Day, into), startOfDay: true);
    }

    /// <summary>Whether a clock change between the two instants (minutes) falls on a Monday to Friday of the local clock, either side of it.</summary>
    private bool TransitionOnAWeekday(long lb, long ub)
    {
        static bool Weekday(LocalDateTime t) => t.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
        var intervals = Intervals(lb, ub);
        for (var i = 1; i < intervals.Count; i++)
        {
            var at = EpochInstant + Duration.FromMinutes(intervals[i].Start);
            if (Weekday(at.WithOffset(Offset.FromSeconds((int)intervals[i - 1].Offset * 60)).LocalDateTime) || Weekday(at.WithOffset(Offset.FromSeconds((int)intervals[i].Offset * 60)).LocalDateTime))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The days a business-time count can visit, from the anchors' first day, with what the calendar says of each.</summary>
    private sealed class BusinessDays
    {
        public BusinessDays(ZoneCalendar calendar, LocalDate firstAnchor, LocalDate lastAnchor, HolidayCalendar? holidays, long minutes, int count)
        {
            var covered = holidays is { Holidays.IsDefaultOrEmpty: false } h ? (h.Holidays.Min().Year, h.Holidays.Max().Year) : (int.MinValue, int.MaxValue);
            var set = new HashSet<DateOnly>(holidays?.Holidays ?? []);
            static bool Weekday(LocalDate d) => d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);

            // A count that meets a weekday of an uncovered year is unknown: the anchors whose count starts on or before the
            // last such weekday before the covered years are all unknown, and so is any count that reaches the first after.
            var first = firstAnchor;
            if (covered.Item1 != int.MinValue)
            {
                var lastBefore = new LocalDate(covered.Item1, 1, 1).PlusDays(-1);
                while (!Weekday(lastBefore))
                {
                    lastBefore = lastBefore.PlusDays(-1);
                }

                // Hours: the anchor's day itself is visited; days: only the days after it.
                var earliest = count == 0 ? lastBefore.PlusDays(1) : lastBefore;
                if (first < earliest)
                {
                    first = earliest;
                }
            }

            LocalDate? limit = null;
            if (covered.Item2 != int.MaxValue)
            {
                var firstAfter = new LocalDate(covered.Item2 + 1, 1, 1);
                while (!Weekday(firstAfter))
                {
                    firstAfter = firstAfter.PlusDays(1);
                }

                limit = firstAfter;
            }

            var lastAnchor2 = limit is { } l && lastAnchor >= l ? l.PlusDays(-1) : lastAnchor;
            First = first;
            LastAnchor = lastAnchor2;
            if (first > lastAnchor2)
            {
                return;
            }

            // Days from the first, through the last anchor's, then on until the count is surely reached (or the limit).
            var dates = new List<LocalDate>();
            long afterLast = 0;
            var businessAfter = 0;
            long Length(LocalDate d) => ConditionEncoder.StartOfDay(calendar.Zone, d.PlusDays(1)) - ConditionEncoder.StartOfDay(calendar.Zone, d);
            for (var d = first; ; d = d.PlusDays(1))
            {
                if (limit is { } stop && d >= stop)
                {
                    break;
                }

                dates.Add(d);
                var business = Weekday(d) && !set.Contains(d.ToDateOnly());
                if (d > lastAnchor2 && business)
                {
                    afterLast += Length(d);
                    businessAfter++;
                }

                if (d > lastAnchor2 && ((count == 0 && afterLast > minutes + Day) || (count > 0 && businessAfter > count)))
                {
                    break;
                }

                if (dates.Count * Day > MaxSpan)
                {
                    throw new NotSupportedException("a business-time deadline over more than 400 years of days");
                }
            }

            Count = dates.Count;
            Starts = [.. dates.Select(d => ConditionEncoder.StartOfDay(calendar.Zone, d)).Append(ConditionEncoder.StartOfDay(calendar.Zone, dates[^1].PlusDays(1)))];
            IsBusiness = [.. dates.Select(d => Weekday(d) && !set.Contains(d.ToDateOnly()))];
            Cumulative = new long[Count + 1];
            CountedThrough = new long[Count];
            long total = 0;
            var counted = 0;
            for (var i = 0; i < Count; i++)
            {
                Cumulative[i] = total;
                if (IsBusiness[i])
                {
                    total += Starts[i + 1] - Starts[i];
                    counted++;
                }

                CountedThrough[i] = counted;
            }

            Cumulative[Count] = total;
            Total = total;
            Limit = limit is null ? long.MaxValue / 4 : total;
            BusinessBeforeLimit = limit is null ? int.MaxValue / 4 : counted;
            FirstDay = DayOf(first);
        }

        public LocalDate First { get; }

        public LocalDate LastAnchor { get; }

        public long FirstDay { get; }

        /// <summary>The days of the table.</summary>
        public int Count { get; }

        /// <summary>Each day's start, and the start of the day after the last.</summary>
        public long[] Starts { get; } = [];

        public bool[] IsBusiness { get; } = [];

        /// <summary>The business minutes before each day, from the first; and after the last.</summary>
        public long[] Cumulative { get; } = [];

        /// <summary>The business days up to and including each day, from the first.</summary>
        public long[] CountedThrough { get; } = [];

        public long Total { get; }

        /// <summary>The most business minutes a known count reaches (all of the table's when it ends at an uncovered year).</summary>
        public long Limit { get; }

        /// <summary>The most business days a known count reaches.</summary>
        public long BusinessBeforeLimit { get; }

        /// <summary>A table of the anchors' days with a cell before the first and after the last (where the count is unknown).</summary>
        public long[] Padded(IEnumerable<long> values)
        {
            var list = values.Take(AnchorDays).ToList();
            return [0, .. list, 0];
        }

        private int AnchorDays => (int)(DayOf(LastAnchor) - FirstDay + 1);

        /// <summary>A day's cell in <see cref="Padded"/> (0 before the first anchor day, the last after the last), and whether it is one of the table's.</summary>
        public (Num Index, Lit InRange) IndexOf(Num day, ZoneCalendar calendar)
        {
            var sat = calendar.Solver;
            var shifted = sat.Sum(day, Num.Of(FirstDay - 1), subtract: true);
            var index = sat.NewInt(0, AnchorDays + 1, "dayIndex");
            var low = sat.NewInt(0, Math.Max(0, shifted.Ub), "dayIndexLow");
            sat.Model.AddMaxEquality(low.Expr, [LinearExpr.Constant(0), shifted.Expr]);
            sat.Model.AddMinEquality(index.Expr, [LinearExpr.Constant(AnchorDays + 1), low.Expr]);
            var inRange = sat.And(sat.Less(Num.Of(0), shifted, strict: true), sat.Less(shifted, Num.Of(AnchorDays + 1), strict: true));
            return (index, inRange);
        }
    }

    // ---- the zone's time lines ------------------------------------------------------------------------

    /// <summary>An instant's local day and minute of the day, made once for each value of the model.</summary>
    private (Num Day, Num Minute) LocalDay(Num t)
    {
        if (t.Constant is not null)
        {
            return Split(LocalMinutes(t));
        }

        if (!_local.TryGetValue(t.Expr, out var split))
        {
            _local[t.Expr] = split = Split(LocalMinutes(t));
        }

        return split;
    }

    /// <summary>The unit (month, quarter, year) a local day falls in, made once for each day of the model.</summary>
    private Num Cached(Num day, CalendarUnit unit, Func<Num> make)
    {
        if (day.Constant is not null)
        {
            return make();
        }

        if (!_units.TryGetValue((day.Expr, unit), out var index))
        {
            _units[(day.Expr, unit)] = index = make();
        }

        return index;
    }

    /// <summary>An instant's local time, in minutes from 2000-01-01T00:00 on the zone's clock: the instant plus its zone interval's offset.</summary>
    private Num LocalMinutes(Num t)
    {
        var intervals = Intervals(t.Lb, t.Ub);
        if (intervals.Count == 1)
        {
            return sat.Sum(t, Num.Of(intervals[0].Offset), subtract: false);
        }

        var k = Segment(t, [.. intervals.Select(i => i.Start).Append(t.Ub + 1)], "zoneInterval");
        return sat.Sum(t, sat.Element(k, [.. intervals.Select(i => i.Offset)], "offset"), subtract: false);
    }

    /// <summary>
    /// The instant of a local time: with the offset before a transition up to the latest local time it gives, so a
    /// skipped time is shifted forward by the gap and an ambiguous one takes the earlier instant (InZoneLeniently); or,
    /// for a day's start, the first instant after the gap where midnight is skipped (AtStartOfDay).
    /// </summary>
    private Num Resolve(Num local, bool startOfDay)
    {
        // The instants that can have these local times, give or take the largest offsets and a day.
        var intervals = Intervals(local.Lb - (2 * Day), local.Ub + (2 * Day));
        var breaks = new List<long> { local.Lb };
        var offsets = new List<long> { intervals[0].Offset };
        var gaps = new List<long?> { null };
        for (var i = 1; i < intervals.Count; i++)
        {
            var (t, a, b) = (intervals[i].Start, intervals[i - 1].Offset, intervals[i].Offset);
            if (startOfDay && b > a)
            {
                Add(t + a, a, t);
            }

            Add(t + Math.Max(a, b), b, null);
        }

        void Add(long at, long offset, long? gap)
        {
            if (at <= breaks[^1])
            {
                // Before the range: the segment's offset is what holds from its first local time.
                offsets[^1] = offset;
                gaps[^1] = gap;
                return;
            }

            if (at > local.Ub)
            {
                return;
            }

            breaks.Add(at);
            offsets.Add(offset);
            gaps.Add(gap);
        }

        if (breaks.Count == 1 && gaps[0] is null)
        {
            return sat.Sum(local, Num.Of(offsets[0]), subtract: true);
        }

        var s = Segment(local, [.. breaks.Append(local.Ub + 1)], "localInterval");
        var plain = sat.Sum(local, sat.Element(s, [.. offsets], "localOffset"), subtract: true);
        if (gaps.All(g => g is null))
        {
            return plain;
        }

        var inGap = sat.NewBool("inGap");
        sat.Model.AddElement(s.Expr, gaps.Select(g => g is null ? 0L : 1L), inGap.AsExpr());
        return sat.Ite(inGap, sat.Element(s, [.. gaps.Select(g => g ?? 0)], "gapEnd"), plain);
    }

    /// <summary>The zone intervals the instants from <paramref name="lb"/> to <paramref name="ub"/> (minutes) fall in: where each starts (the first at <paramref name="lb"/>), and its offset in minutes.</summary>
    private List<(long Start, long Offset)> Intervals(long lb, long ub)
    {
        if (ub - lb > MaxSpan)
        {
            throw new NotSupportedException("calendar time over more than 400 years of instants");
        }

        var result = new List<(long, long)>();
        foreach (var interval in Zone.GetZoneIntervals(Instant.FromDateTimeOffset(At(lb)), Instant.FromDateTimeOffset(At(ub + 1))))
        {
            var seconds = interval.WallOffset.Seconds;
            if (seconds % 60 != 0)
            {
                throw new NotSupportedException($"the time zone {Zone.Id}, whose offset {interval.WallOffset} is not a whole number of minutes");
            }

            var start = interval.HasStart ? (long)Math.Floor((interval.Start - EpochInstant).TotalMinutes) : lb;
            result.Add((Math.Max(start, lb), seconds / 60));
        }

        return result;
    }

    /// <summary>A local time in minutes split into its day (from 2000-01-01) and its minute of the day.</summary>
    private (Num Day, Num Minute) Split(Num local)
    {
        if (local.Constant is { } c)
        {
            return (Num.Of(FloorDiv(c, Day)), Num.Of(c - (FloorDiv(c, Day) * Day)));
        }

        var (dayLb, dayUb) = (FloorDiv(local.Lb, Day), FloorDiv(local.Ub, Day));
        var day = sat.NewInt(dayLb, dayUb, "day");
        var minute = sat.NewInt(0, Day - 1, "minuteOfDay");
        sat.Model.Add(minute.Expr == local.Expr - (day.Expr * Day));
        return (day, minute);
    }

    /// <summary>A local day moved by whole months, the day of the month clamped to the new month's length (LocalDate.PlusMonths).</summary>
    private Num PlusMonths(Num day, int months)
    {
        var month = MonthOf(day);
        var dayOfMonth = sat.Sum(day, sat.Element(month, MonthStarts, "monthStart"), subtract: true);
        var target = sat.Sum(month, Num.Of(months), subtract: false);
        var lastDay = sat.Sum(sat.Element(target, MonthLengths, "monthLength"), Num.Of(1), subtract: true);
        var clamped = sat.NewInt(0, 30, "dayOfMonth");
        sat.Model.AddMinEquality(clamped.Expr, [dayOfMonth.Expr, lastDay.Expr]);
        return sat.Sum(sat.Element(target, MonthStarts, "targetMonthStart"), clamped, subtract: false);
    }

    /// <summary>The first month of the month tables: far enough before the shape's instants for any period (100 years).</summary>
    private static readonly LocalDate FirstMonth = new(1850, 1, 1);

    /// <summary>The first day (from 2000-01-01) of each month from <see cref="FirstMonth"/> to 2250, and its length.</summary>
    private static readonly long[] MonthStarts = [.. Enumerable.Range(0, 400 * 12).Select(i => DayOf(FirstMonth.PlusMonths(i)))];

    private static readonly long[] MonthLengths = [.. Enumerable.Range(0, 400 * 12).Select(i => FirstMonth.PlusMonths(i)).Select(m => (long)CalendarSystem.Iso.GetDaysInMonth(m.Year, m.Month))];

    /// <summary>The month a local day falls in, as an index into the month tables, made once for each day of the model.</summary>
    private Num MonthOf(Num day)
    {
        if (day.Lb < MonthStarts[0] || day.Ub >= MonthStarts[^1])
        {
            throw new NotSupportedException("calendar time outside the years 1850 to 2250");
        }

        return Cached(day, CalendarUnit.Month, () => Segment(day, MonthStarts, "month"));
    }

    // ---- tables --------------------------------------------------------------------------------------

    /// <summary>The segment a value falls in: <c>breaks[s] &lt;= x &lt; breaks[s + 1]</c> (the last segment unbounded above), over the segments its bounds reach.</summary>
    private Num Segment(Num x, long[] breaks, string name)
    {
        int Of(long v)
        {
            var i = Array.BinarySearch(breaks, v);
            return Math.Max(0, i >= 0 ? i : ~i - 1);
        }

        var (lo, hi) = (Of(x.Lb), Of(x.Ub));
        if (lo == hi)
        {
            return Num.Of(lo);
        }

        var s = sat.NewInt(lo, hi, name);
        var starts = breaks.Take(hi + 1).ToArray();
        var ends = breaks.Skip(1).Take(hi).Append(hi + 1 < breaks.Length ? breaks[hi + 1] : Math.Max(x.Ub, breaks[^1]) + 1).ToArray();
        sat.Model.Add(x.Expr >= sat.Element(s, starts, name + "From").Expr);
        sat.Model.Add(x.Expr < sat.Element(s, ends, name + "To").Expr);
        return s;
    }

    /// <summary>a * factor + b.</summary>
    private Num Linear(Num a, long factor, Num b)
    {
        if (a.Constant is { } x && b.Constant is { } y)
        {
            return Num.Of((x * factor) + y);
        }

        var result = sat.NewInt((a.Lb * factor) + b.Lb, (a.Ub * factor) + b.Ub, "local");
        sat.Model.Add(result.Expr == (a.Expr * factor) + b.Expr);
        return result;
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static DateTimeOffset At(long minutes) => Shape.Epoch.AddMinutes(minutes);

    private static LocalDate DateOf(long day) => EpochDate.PlusDays(checked((int)day));

    private static long DayOf(LocalDate date) => Period.Between(EpochDate, date, PeriodUnits.Days).Days;
}
