using System.Collections.Immutable;
using System.Linq.Expressions;
using OrdinanceRules.Conditions;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Compilation;

/// <summary>
/// Checks an ordinance before any rule is built: the model's invariants (with FluentValidation), every
/// binding's fact type, every condition's syntax and types. Reports every problem at once, and
/// lays out the variables each provision and exception binds.
/// </summary>
/// <remarks><paramref name="stack"/> is every law compiled together: a finding test may name any of their provisions.</remarks>
internal sealed class OrdinanceBinder(Ordinance ordinance, List<Diagnostic> diagnostics, int firstOrder = 0, int readingOffset = 0, IReadOnlyList<Ordinance>? stack = null)
{
    private readonly FactVocabulary _vocabulary = ordinance.Vocabulary;
    private BindingEnvironment _environment = BindingEnvironment.For(ordinance, readingOffset) with { FindingTargets = FindingGraph.Targets(stack ?? [ordinance]) };

    private ConditionSource? _assumeInForce;

    /// <summary>The yes/no fields with a vocabulary default that the ordinance's conditions read (complete once <see cref="Bind"/> returns).</summary>
    public IReadOnlySet<(string Type, string Field)> DefaultsRead => _environment.DefaultsRead;

    public ImmutableArray<ProvisionNode> Bind()
    {
        diagnostics.AddRange(OrdinanceValidator.Check(ordinance));
        var overLimits = OrdinanceLimits.Check(ordinance).ToList();
        diagnostics.AddRange(overLimits);
        if (overLimits.Count > 0)
        {
            // Binding an ordinance over its limits is the work the limits exist to prevent.
            return [];
        }

        _environment = _environment with { Definitions = DefinitionTable.Build(ordinance.Definitions, _environment, diagnostics) };
        _assumeInForce = Condition(ordinance.AssumeInForce, "assume-in-force of the ordinance", [], ConditionType.YesNo);
        var nodes = ImmutableArray.CreateBuilder<ProvisionNode>();
        for (var i = 0; i < ordinance.Provisions.Length; i++)
        {
            nodes.Add(BindProvision(ordinance.Provisions[i], firstOrder + i));
        }

        return nodes.ToImmutable();
    }

    private ProvisionNode BindProvision(Provision provision, int order)
    {
        var node = new ProvisionNode(provision, order, ordinance, _environment);
        var where = $"provision {provision.Id}";
        var names = new HashSet<string>(StringComparer.Ordinal);
        var period = provision.Recurs is { } recurs ? Period(node, recurs, names, where) : null;
        node.SubjectFrame = period is not null ? [period, .. Frame(provision.For, 1, names, where)] : Frame(provision.For, 0, names, where);
        var subjectScope = Scope(node.SubjectFrame);
        node.Match = Condition(provision.Match, $"match of {where}", subjectScope, ConditionType.YesNo);
        node.AppliesWhen = Condition(provision.AppliesWhen, $"applies-when of {where}", subjectScope, ConditionType.YesNo);

        // A recurring duty is judged, period by period, by the law in force as the period ends, unless it says otherwise.
        var eventTime = provision.EventTime ?? (period is not null ? new ConditionText($"{period.Name}.end", provision.Recurs!.Location) : null);
        node.EventTime = Condition(eventTime, $"event-time of {where}", subjectScope, ConditionType.Instant);
        node.Versions = ProvisionVersions.Resolve(provision, diagnostics);
        foreach (var version in node.Versions)
        {
            var which = $"version {version.Index + 1} of {where}";
            version.AppliesWhen = Condition(version.Model.AppliesWhen, $"applies-when of {which}", subjectScope, ConditionType.YesNo);
            if (provision.Modality == Modality.Obligation && version.Model.ViolatedWhen is not null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"{which} gives violated-when, but {provision.Id} is an obligation: an obligation's versions may restate only applies-when", version.Model.Location ?? provision.Location));
            }
        }

        if (node.EventTime is not null && JurisdictionClock.IsKnownZone(ordinance.Jurisdiction.TimeZone))
        {
            node.Period = new LawPeriod(ordinance, provision, NodaTime.DateTimeZoneProviders.Tzdb[ordinance.Jurisdiction.TimeZone], node.Versions);
            node.AssumeInForce = _assumeInForce;
        }

        if (provision.Modality == Modality.Obligation)
        {
            node.ClaimFrame = node.SubjectFrame;
            var duty = provision.Duty;
            if (duty is not null)
            {
                var dutyNames = new HashSet<string>(names, StringComparer.Ordinal);
                node.MetByFrame = Frame(duty.MetBy.For, 0, dutyNames, $"met-by of {where}");
                var dutyScope = subjectScope.Concat(Scope(node.MetByFrame)).ToList();
                node.MetBy = Condition(duty.MetBy.When, $"met-by of {where}", dutyScope, ConditionType.YesNo);
                node.MetAt = Condition(duty.At, $"duty 'at' of {where}", dutyScope, ConditionType.Instant);
                if (duty.Deadline is { } deadline)
                {
                    BindDeadline(node, deadline, where, subjectScope);
                }
            }
        }
        else if (provision.ViolatedWhen is not null)
        {
            var breachNames = new HashSet<string>(names, StringComparer.Ordinal);
            var own = Frame(provision.ViolatedWhen.For, node.SubjectFrame.Length, breachNames, $"violated-when of {where}");
            node.ViolationFrame = own;
            node.ClaimFrame = node.SubjectFrame.AddRange(own);
            node.ViolatedWhen = Condition(provision.ViolatedWhen.When, $"violated-when of {where}", Scope(node.ClaimFrame), ConditionType.YesNo);
            foreach (var version in node.Versions)
            {
                version.ViolatedWhen = Condition(version.Model.ViolatedWhen, $"violated-when of version {version.Index + 1} of {where}", Scope(node.ClaimFrame), ConditionType.YesNo);
            }
            names = breachNames;
        }

        foreach (var exception in provision.Exceptions)
        {
            node.Children.Add(BindException(exception, node, names));
        }

        return node;
    }

    private void BindDeadline(ProvisionNode node, Deadline deadline, string where, List<ScopeVariable> scope)
    {
        var location = node.Model.Location;
        if (deadline.Due is not null)
        {
            if (deadline.Within is not null || deadline.From is not null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"the deadline of {where} gives 'due' and also 'within'/'from'; give one or the other", location));
            }

            node.DeadlineDue = Condition(deadline.Due, $"deadline 'due' of {where}", scope, ConditionType.Instant);
        }
        else if (deadline.Within is not { } within || deadline.From is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"the deadline of {where} needs 'within' and 'from', or 'due'", location));
        }
        else
        {
            if (within <= TimeSpan.Zero)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"the deadline of {where} must be a positive duration", location));
            }

            if (deadline.Counting == DeadlineCounting.BusinessDays && within.Ticks % TimeSpan.TicksPerDay != 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"the deadline of {where} counts business days: give a whole number of days, such as 5d", location));
            }

            HolidayCalendar? calendar = null;
            if (deadline.Calendar is not null)
            {
                calendar = ordinance.Calendars.FirstOrDefault(c => c.Name == deadline.Calendar);
                if (calendar is null)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"the deadline of {where} names calendar '{deadline.Calendar}', which the ordinance does not declare under 'calendars'", location));
                }
            }

            node.DeadlineFrom = Condition(deadline.From, $"deadline 'from' of {where}", scope, ConditionType.Instant);
            if (JurisdictionClock.IsKnownZone(ordinance.Jurisdiction.TimeZone))
            {
                node.Calculator = new DeadlineCalculator(within, deadline.Counting, calendar, NodaTime.DateTimeZoneProviders.Tzdb[ordinance.Jurisdiction.TimeZone]);
            }
        }

        node.DeadlineInclusive = Condition(deadline.Inclusive, $"deadline 'inclusive' of {where}", scope, ConditionType.YesNo);
    }

    private ExceptionNode BindException(ProvisionException exception, RuleNode parent, HashSet<string> parentNames)
    {
        var node = new ExceptionNode(exception, parent);
        var where = $"exception {exception.Id}";
        var names = new HashSet<string>(parentNames, StringComparer.Ordinal);
        node.OwnFrame = Frame(exception.When.For, parent.ClaimFrame.Length, names, where);
        node.ClaimFrame = parent.ClaimFrame.AddRange(node.OwnFrame);
        node.When = Condition(exception.When.When, $"when of {where}", Scope(node.ClaimFrame), ConditionType.YesNo);
        if (exception.Lapses is { } lapse)
        {
            if (parent != parent.Provision || parent.Provision.Model.Modality != Modality.Obligation)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"{where} lapses, but only an exception written directly under an obligation can lapse (its duty then revives)", exception.Location));
            }

            if (lapse.RestartWithin <= TimeSpan.Zero)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"{where}: the deadline after a lapse must be a positive duration", exception.Location));
            }

            node.LapseAt = Condition(lapse.At, $"lapses 'at' of {where}", Scope(node.ClaimFrame), ConditionType.Instant);
            node.LapseIf = Condition(lapse.If, $"lapses 'if' of {where}", Scope(node.ClaimFrame), ConditionType.YesNo);
        }

        foreach (var child in exception.Exceptions)
        {
            node.Children.Add(BindException(child, node, names));
        }

        return node;
    }

    /// <summary>
    /// The period variable of a recurring provision, bound even when its periods cannot be generated (so that its conditions
    /// are still checked); null when the variable itself is wrong. Sets the node's <see cref="ProvisionNode.Recurrence"/>.
    /// </summary>
    private FrameVariable? Period(ProvisionNode node, Recurrence recurs, HashSet<string> names, string where)
    {
        var provision = node.Model;
        var location = recurs.Location ?? provision.Location;
        if (!Identifiers.IsValid(recurs.Variable))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"in {where}: the period's variable '{recurs.Variable}' ('as' under 'recurs') must be an identifier", location));
            return null;
        }

        names.Add(recurs.Variable);
        if (provision.Modality != Modality.Obligation)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"{where} recurs, but only an obligation can recur: a duty each period (a report each quarter); make it an obligation with a 'duty', or drop 'recurs'", location));
        }
        else if (JurisdictionClock.IsKnownZone(ordinance.Jurisdiction.TimeZone))
        {
            node.Recurrence = RecurringPeriods.For(ordinance, provision, recurs, NodaTime.DateTimeZoneProviders.Tzdb[ordinance.Jurisdiction.TimeZone], diagnostics);
        }

        return new FrameVariable(recurs.Variable, node.Recurrence?.Type ?? RecurringPeriods.TypeOf(provision, recurs), 0);
    }

    private ImmutableArray<FrameVariable> Frame(ImmutableArray<Binding> bindings, int firstSlot, HashSet<string> names, string where)
    {
        var frame = ImmutableArray.CreateBuilder<FrameVariable>();
        foreach (var binding in bindings)
        {
            if (!Identifiers.IsValid(binding.Variable))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"in {where}: variable '{binding.Variable}' must be an identifier", binding.Location));
                continue;
            }

            if (!names.Add(binding.Variable))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"in {where}: variable '{binding.Variable}' is already bound; choose another name", binding.Location));
                continue;
            }

            var types = new List<FactType>();
            foreach (var name in binding.FactTypes)
            {
                if (!_vocabulary.TryGetType(name, out var type))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.ConditionUnknownName, $"in {where}: '{name}' is not a fact type of vocabulary '{_vocabulary.Name}'{ScenarioBuilder.Suggest(name, _vocabulary.Types.Select(t => t.Name))}", binding.Location));
                }
                else if (types.Contains(type))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"in {where}: '{binding.Variable}' lists type '{name}' twice", binding.Location));
                }
                else
                {
                    types.Add(type);
                }
            }

            if (binding.FactTypes.Length > Limits.MaxBindingTypes)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.OrdinanceLimit, $"in {where}: '{binding.Variable}' ranges over {binding.FactTypes.Length} types; the limit is {Limits.MaxBindingTypes}: each type is type-checked apart", binding.Location));
                continue;
            }

            if (types.Count != binding.FactTypes.Length)
            {
                continue;
            }

            frame.Add(new FrameVariable(binding.Variable, types[0], firstSlot + frame.Count) { Types = [.. types] });
        }

        return frame.ToImmutable();
    }

    private static List<ScopeVariable> Scope(ImmutableArray<FrameVariable> frame) =>
        [.. frame.Select(v => new ScopeVariable(v.Name, v.Type, Expression.Parameter(typeof(Fact), "v_" + v.Name)) { Alternatives = v.Types })];

    private ConditionSource? Condition(ConditionText? text, string context, IEnumerable<ScopeVariable> scope, ConditionType expected)
    {
        if (text is null)
        {
            return null;
        }

        var source = ConditionSource.Parse(text, context, diagnostics);
        source.Bind(_environment, scope, expected, diagnostics);
        return source;
    }
}
