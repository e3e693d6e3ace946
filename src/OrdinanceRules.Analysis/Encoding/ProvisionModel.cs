using System.Collections.Immutable;
using NodaTime;
using OrdinanceRules.Compilation;
using OrdinanceRules.Conditions;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;

namespace OrdinanceRules.Analysis.Encoding;

/// <summary>
/// One provision's status for one combination of its <c>for</c> facts, encoded as the compiled rules decide it
/// (docs/concepts.md, "The rules one provision compiles into"): the verdict's stages (match, time of law, applies-when,
/// violated-when), the claim, and every exception's claims against it to any depth, each standing, unsettled or neither.
/// </summary>
internal sealed class ProvisionModel
{
    private readonly ProvisionNode _node;
    private readonly ConditionEncoder _encoder;
    private readonly Dictionary<string, Term> _whenCache = new(StringComparer.Ordinal);
    private readonly Dictionary<ExceptionNode, List<Lit>> _stands = [];
    private readonly Term _violated;
    private readonly Lit _engaged;
    private readonly Lit _preClaimUndetermined;
    private readonly Lit _claimExists;
    private readonly Lit _tentative;
    private readonly Lit _complied;
    private readonly Dictionary<string, Term> _dutyCache = new(StringComparer.Ordinal);
    private Term? _baseDue;
    private readonly Dictionary<string, Term> _claimScope;
    private readonly IReadOnlyDictionary<string, string> _readings;
    private readonly IReadOnlyDictionary<string, ProvisionNode> _provisions;
    private readonly Dictionary<string, ConditionEncoder> _permissionEncoders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lit> _permits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Term Match, Term InForce, Term Applies, Lit AsWritten, ImmutableArray<(VersionNode Version, Lit Governs)> Governing)> _permissionStages = new(StringComparer.Ordinal);
    private readonly List<Lit> _lapsingClaims = [];
    private readonly ImmutableArray<(VersionNode Version, Lit Governs)> _governing;
    private readonly Lit _notApplicable;

    /// <param name="node">The provision.</param>
    /// <param name="provisions">The provisions of its stack by id, which its finding tests (<c>violated('P', a)</c>) name.</param>
    /// <param name="readings">The alternative taken for each reading.</param>
    /// <param name="factsPerType">The bound: facts of each type.</param>
    /// <param name="types">For each of the provision's <c>for</c> variables, which of its types it is bound to (see <see cref="TypeChoices"/>); default for the first of each.</param>
    public ProvisionModel(ProvisionNode node, IReadOnlyDictionary<string, ProvisionNode> provisions, IReadOnlyDictionary<string, string> readings, int factsPerType, ImmutableArray<int> types = default)
        : this(node, provisions, readings, new Shape(new Sat(), node.Law.Vocabulary, factsPerType, Constants(node, provisions)), types)
    {
    }

    /// <summary>The provision encoded with a permission it may conflict with (the shape's texts include the permission's).</summary>
    public ProvisionModel(ProvisionNode node, ProvisionNode permission, IReadOnlyDictionary<string, ProvisionNode> provisions, IReadOnlyDictionary<string, string> readings, int factsPerType, ImmutableArray<int> types = default)
        : this(node, provisions, readings, new Shape(new Sat(), node.Law.Vocabulary, factsPerType, Constants(node, provisions).Concat(EngagementConstants(permission, provisions))), types)
    {
    }

    /// <summary>The provision encoded over a shape shared with other provisions (the shape's texts must include <see cref="Constants"/>).</summary>
    public ProvisionModel(ProvisionNode node, IReadOnlyDictionary<string, ProvisionNode> provisions, IReadOnlyDictionary<string, string> readings, Shape shape, ImmutableArray<int> types = default)
        : this(node, provisions, readings, shape, null, types)
    {
    }

    /// <summary>
    /// The provision over a shared shape, its subject and then the further facts of its breach bound to
    /// <paramref name="subjectSlots"/> (in their <c>for</c>s' order; these need not exist, and a caller weighs the model
    /// only where they do), or, when null, to the first facts of each type, the subject's then existing; each <c>for</c>
    /// variable to the type <paramref name="types"/> chooses.
    /// </summary>
    private ProvisionModel(ProvisionNode node, IReadOnlyDictionary<string, ProvisionNode> provisions, IReadOnlyDictionary<string, string> readings, Shape shape, IReadOnlyList<FactSlot>? subjectSlots, ImmutableArray<int> types = default)
    {
        _node = node;
        _provisions = provisions;
        _readings = readings;
        Sat = shape.Sat;
        Shape = shape;
        _encoder = EncoderFor(node);

        var scope = new Dictionary<string, Term>(StringComparer.Ordinal);
        var subject = ImmutableArray.CreateBuilder<(string Variable, FactSlot Slot)>();
        var periods = node.Recurrence is { } recurs ? Shape.UsePeriods(node.SubjectFrame[0].Type, PeriodCalendar.For(recurs)) : null;
        for (var v = 0; v < node.SubjectFrame.Length; v++)
        {
            // A variable over several types (for: { x: [inquiry, record] }) is bound to one of them in each model.
            var variable = node.SubjectFrame[v];
            var type = variable.Types[types.IsDefault ? 0 : types[v]];
            FactSlot slot;
            if (subjectSlots is null)
            {
                var index = subject.Count(s => s.Slot.Type.Name == type.Name);
                slot = Shape.Slots(type)[index];
                Sat.Require(slot.Exists);
            }
            else
            {
                slot = subjectSlots[subject.Count];
            }

            if (v == 0 && periods is not null)
            {
                Generated(node.Recurrence!, periods, slot);
            }

            subject.Add((variable.Name, slot));
            scope[variable.Name] = FactTerm(slot);
        }

        Subject = subject.ToImmutable();
        Scope = scope;
        WithinPeriodLimits(provisions.Values.Append(node));

        // A breach tested on further facts (violated-when with its own for): the claim analysed binds them to facts of
        // their own, after the subject's; every other binding of them may still make a claim of its own.
        var claimScope = new Dictionary<string, Term>(scope, StringComparer.Ordinal);
        var breach = ImmutableArray.CreateBuilder<(string Variable, FactSlot Slot)>();
        foreach (var variable in node.ViolationFrame)
        {
            var index = subject.Count(s => s.Slot.Type.Name == variable.Type.Name) + breach.Count(s => s.Slot.Type.Name == variable.Type.Name);
            var slot = subjectSlots is null ? Shape.Slots(variable.Type)[index] : subjectSlots[subject.Count + breach.Count];
            breach.Add((variable.Name, slot));
            claimScope[variable.Name] = FactTerm(slot);
        }

        Breach = breach.ToImmutable();
        _claimScope = claimScope;

        var (match, inForce, applies, asWritten, governing) = Stages(node, _encoder, scope);
        _governing = governing;
        NoFinding = _encoder.IsFalse(match);
        var matchTrue = _encoder.IsTrue(match);
        var (inForceTrue, inForceFalse) = (_encoder.IsTrue(inForce), _encoder.IsFalse(inForce));
        var (appliesTrue, appliesFalse) = (_encoder.IsTrue(applies), _encoder.IsFalse(applies));

        // A provisional verdict (Verdict.Provisional): whether the law was in force is unknown, but as written if it was,
        // and the provision applies; its breach (or duty) is claimed tentatively, and in-force-unknown does not conclude.
        var provisional = node.WeighsUnknownTimeOfLaw ? Sat.And(matchTrue, inForce.Unknown, appliesTrue, asWritten) : Lit.False;
        _notApplicable = Sat.And(matchTrue, Sat.Or(inForceFalse, Sat.And(inForceFalse.Not(), appliesFalse)));
        _preClaimUndetermined = Sat.Or(match.Unknown, Sat.And(matchTrue, Sat.Or(Sat.And(inForce.Unknown, appliesFalse.Not(), provisional.Not()), Sat.And(inForceTrue, applies.Unknown))));
        _engaged = Sat.And(matchTrue, inForceTrue, appliesTrue);
        var weighed = Sat.Or(_engaged, provisional);

        // A duty's claim is made wherever the obligation is engaged (tentatively where its verdict is provisional): it has no violated-when.
        IsDuty = node.Model.Modality == Modality.Obligation;
        _violated = IsDuty ? ConditionEncoder.Constant(true) : ViolatedWhen(claimScope);
        _tentative = Sat.Or(_violated.Unknown, provisional);
        _claimExists = Sat.And(weighed, Sat.And([.. Breach.Select(b => b.Slot.Exists)]), _encoder.IsFalse(_violated).Not());
        if (IsDuty)
        {
            _complied = Lit.False;
        }
        else if (Breach.IsEmpty)
        {
            _complied = Sat.And(weighed, _encoder.IsFalse(_violated));
        }
        else
        {
            // Complied only when no binding of the further facts makes a claim, certain or tentative.
            var claims = Bindings(node.ViolationFrame, scope).Select(b => Sat.And(b.Exist, _encoder.IsFalse(ViolatedWhen(b.Scope)).Not()));
            _complied = Sat.And(_engaged, Sat.Or([.. claims]).Not());
        }

        var outcome = Outcome(null);
        (Violated, ExceptionApplies, Pending, ClaimUndetermined, ClaimUndefeated) = (outcome.Violated, outcome.ExceptionApplies, outcome.Pending, outcome.ClaimUndetermined, outcome.Undefeated);
        (NotApplicable, Complied) = (Sat.Or(_notApplicable, outcome.CarvedOut), Sat.Or(outcome.Complied, outcome.CarvedOutComplied));
        CarvedOut = Sat.Or(outcome.CarvedOut, outcome.CarvedOutComplied);
        PreClaimUndetermined = _preClaimUndetermined;
        Undetermined = Sat.Or(_preClaimUndetermined, ClaimUndetermined);
        if (IsDuty && node.Model.Duty?.Deadline is not null && (node.DeadlineDue ?? node.DeadlineFrom) is { } instant)
        {
            // No lapse can restart the deadline where no lapsing exception makes a claim: the due instant is the anchor's.
            var anchor = Encode(instant, claimScope);
            AnchorAbsent = Sat.And(_engaged, ClaimUndefeated, anchor.Known.Not(), Sat.Or([.. _lapsingClaims]).Not());
        }
    }

    /// <summary>
    /// A recurring duty's period (its first <c>for</c> variable) is one the engine generates for it: a period of the
    /// calendar the shape holds for its type (<see cref="Shape.UsePeriods"/>) from the one its <c>from:</c> falls in and
    /// before its <c>in-force: until</c>. That it has begun by the as-of instant is the period's own constraint, and
    /// that the evaluation generates every period, <see cref="WithinPeriodLimits"/>.
    /// </summary>
    private void Generated(RecurringPeriods recurrence, PeriodCalendar calendar, FactSlot slot)
    {
        var (first, last) = calendar.Run(recurrence);
        var period = slot.Period ?? throw new InvalidOperationException($"The period of provision {_node.Id} is not bound to a period of the shape.");
        Sat.Require(Sat.Implies(slot.Exists, Sat.And(Sat.Less(Num.Of(first), period, strict: false), Sat.Less(period, Num.Of(last), strict: false))));
    }

    /// <summary>
    /// The as-of instant of a scenario evaluated under the provisions falls where no recurring duty among them generates
    /// more than <see cref="OrdinanceRules.Diagnostics.Limits.MaxRecurringPeriods"/> periods: past that the evaluation
    /// stops with a diagnostic, for every provision, so no witness may lie there.
    /// </summary>
    private void WithinPeriodLimits(IEnumerable<ProvisionNode> provisions)
    {
        var limits = provisions.Select(p => p.Recurrence).OfType<RecurringPeriods>().Select(PeriodCalendar.Limit).OfType<long>().ToList();
        if (limits.Count > 0)
        {
            Sat.Require(Sat.Less(Shape.AsOf(), Num.Of(limits.Min()), strict: true));
        }
    }

    /// <summary>
    /// Every way to bind the provision's <c>for</c> variables to one of their types each: a model is built for each, and a
    /// status is reachable where it is reachable under one of them. One choice (the first type of each) for most provisions.
    /// </summary>
    public static IEnumerable<ImmutableArray<int>> TypeChoices(ProvisionNode node)
    {
        IEnumerable<ImmutableArray<int>> choices = [[]];
        foreach (var variable in node.SubjectFrame)
        {
            choices = choices.SelectMany(c => Enumerable.Range(0, variable.Types.Length).Select(c.Add)).ToList();
        }

        return choices;
    }

    /// <summary>
    /// Every text the provision's conditions, definitions and law name, and those of the permissions that prevail over it:
    /// the shape's text universe must hold them.
    /// </summary>
    /// <remarks>With the texts of every provision its finding tests name, to any depth (the compiler refuses cycles).</remarks>
    public static IEnumerable<string> Constants(ProvisionNode node, IReadOnlyDictionary<string, ProvisionNode> provisions) =>
        ConstantsOf(node, Conditions(node), provisions)
            .Concat(Exceptions(node).Select(e => e.Prevailing).OfType<ProvisionNode>().SelectMany(p => EngagementConstants(p, provisions)))
            .Concat(node.Recurrence is { } recurrence ? PeriodCalendar.For(recurrence).Labels : []);

    /// <summary>The texts a permission's match, time of law and applies-when name, with its definitions' and law's.</summary>
    private static IEnumerable<string> EngagementConstants(ProvisionNode permission, IReadOnlyDictionary<string, ProvisionNode> provisions) =>
        ConstantsOf(permission, Parsed([permission.Match, permission.AppliesWhen, permission.EventTime, permission.AssumeInForce, .. permission.Versions.Select(v => v.AppliesWhen)]), provisions);

    private static IEnumerable<string> ConstantsOf(ProvisionNode node, IEnumerable<Expr> conditions, IReadOnlyDictionary<string, ProvisionNode> provisions)
    {
        var parsed = conditions.ToList();
        var definitions = node.Environment.Definitions ?? DefinitionTable.Empty;
        return parsed.SelectMany(ConditionEncoder.Constants)
            .Concat(definitions.Names.Select(n => definitions.TryGet(n, out var d) ? d.Body : null).Where(b => b is not null).SelectMany(b => ConditionEncoder.Constants(b!)))
            .Concat(ConditionEncoder.Constants(node.Law))
            .Concat(parsed.SelectMany(ConditionEncoder.TestedProvisions).Distinct(StringComparer.Ordinal)
                .Where(provisions.ContainsKey).SelectMany(id => Constants(provisions[id], provisions)));
    }

    /// <summary>
    /// A finding test, <c>violated('P', x, ..)</c>, as <c>FindingTests.Test</c> reads the outcomes of P that the rule
    /// collects, those that bind each fact named: yes when one is violated, otherwise unknown when one is undetermined,
    /// otherwise no. P's outcomes are found over every combination of its <c>for</c> facts (a fact may stand for two
    /// variables of one type, as NRules joins them), and of its breach's further facts where its violated-when has a
    /// <c>for</c> of its own: a claim's outcome binds the subject and the further facts, one decided before any claim
    /// (match, time of law or applies-when unknown) the subject alone. P's status for each combination is its own model
    /// over the same shape, made once per combination (<see cref="Shape.Findings"/>).
    /// </summary>
    private Term FindingTest(string id, IReadOnlyList<Term> facts)
    {
        var target = _provisions.TryGetValue(id, out var found) ? found : throw new NotSupportedException($"a finding test of provision '{id}', which is not among those analysed");
        var frame = target.SubjectFrame.AddRange(target.ViolationFrame);
        if (frame.Any(v => v.Types.Length > 1))
        {
            throw new NotSupportedException($"a finding test of provision {id}, whose for has a variable of several types");
        }

        if (target.Recurrence is not null)
        {
            throw new NotSupportedException($"a finding test of provision {id}, a recurring duty (its periods are generated for each evaluation, and a test would read every one of them)");
        }

        var reasons = Unsupported(target, Shape.FactsPerType);
        if (!reasons.IsEmpty)
        {
            throw new NotSupportedException($"a finding test of provision {id}, which is not analysed: it uses {string.Join("; ", reasons)}");
        }

        var named = facts.Select(f => f.Kind == TermKind.Fact && f.Value.Constant is { } k
            ? Shape.Slots(f.Type!)[(int)k]
            : throw new NotSupportedException($"a finding test of provision {id} on a fact that is not bound to one of the shape's")).ToList();
        IEnumerable<ImmutableList<FactSlot>> combinations = [ImmutableList<FactSlot>.Empty];
        foreach (var variable in frame)
        {
            var slots = Shape.Slots(variable.Type);
            combinations = [.. combinations.SelectMany(c => slots.Select(c.Add))];
        }

        var subjectCount = target.SubjectFrame.Length;
        var violated = new List<Lit>();
        var undetermined = new List<Lit>();
        foreach (var slots in combinations.Where(c => named.All(c.Contains)))
        {
            var key = (target, string.Join(",", slots.Select(s => $"{s.Type.Name}{s.Index}")));
            if (!Shape.Findings.TryGetValue(key, out var model))
            {
                Shape.Findings[key] = model = new ProvisionModel(target, _provisions, _readings, Shape, slots);
            }

            var subjectExists = Sat.And([.. slots.Take(subjectCount).Select(s => s.Exists)]);
            var allExist = Sat.And([.. slots.Select(s => s.Exists)]);
            violated.Add(Sat.And(allExist, model.Violated));
            undetermined.Add(Sat.And(allExist, model.ClaimUndetermined));
            if (named.All(slots.Take(subjectCount).Contains))
            {
                undetermined.Add(Sat.And(subjectExists, model.PreClaimUndetermined));
            }
        }

        var isTrue = Sat.Or([.. violated]);
        return ConditionEncoder.Kleene(isTrue, Sat.And(isTrue.Not(), Sat.Or([.. undetermined])));
    }

    /// <summary>The facts a finding found in a solution is for: the subject's, and the further facts' when the analysed claim bears on it.</summary>
    public ImmutableArray<FactBinding> FactsOf(Google.OrTools.Sat.CpSolver solver)
    {
        var bound = Sat.Value(solver, ClaimUndetermined) || Sat.Value(solver, Violated) || Sat.Value(solver, ExceptionApplies) || Sat.Value(solver, CarvedOut) ? Subject.AddRange(Breach) : Subject;
        return [.. bound.Select(s => new FactBinding(s.Variable, s.Slot.Type.Name, IdOf(solver, s.Slot)))];
    }

    /// <summary>The one status a solution gives the combination.</summary>
    public FindingStatus StatusOf(Google.OrTools.Sat.CpSolver solver)
    {
        var actual = Statuses.Where((_, i) => Sat.Value(solver, StatusLits[i])).ToList();
        return actual.Count == 1 ? actual[0] : throw new InvalidOperationException($"The encoding of provision {_node.Id} gives {actual.Count} statuses at once.");
    }

    /// <summary>The further facts the analysed claim binds (a violated-when with its own for), after the subject's.</summary>
    public ImmutableArray<(string Variable, FactSlot Slot)> Breach { get; }

    /// <summary>Undetermined because the analysed claim is unsettled (its finding names the further facts too).</summary>
    public Lit ClaimUndetermined { get; }

    /// <summary>Undetermined before any claim is weighed (match, time of law or applies-when unknown): its finding names the subject alone.</summary>
    public Lit PreClaimUndetermined { get; }

    public Sat Sat { get; }

    public Shape Shape { get; }

    public ImmutableArray<(string Variable, FactSlot Slot)> Subject { get; }

    public IReadOnlyDictionary<string, Term> Scope { get; }

    /// <summary>The combination has no finding of its own: its match is no.</summary>
    public Lit NoFinding { get; }

    /// <summary>Not applicable: not in force, or outside applies-when, or a carve-out (<c>carve-out: not-applicable</c>) stands against the claim.</summary>
    public Lit NotApplicable { get; }

    /// <summary>A carve-out stands against the analysed claim (its finding, NotApplicable or Complied, names the claim's facts).</summary>
    public Lit CarvedOut { get; }

    public Lit Complied { get; }

    public Lit Violated { get; }

    public Lit ExceptionApplies { get; }

    public Lit Undetermined { get; }

    /// <summary>The event's time on the subject's facts (its <c>event-time</c>); null for a provision with none.</summary>
    public Term? EventTime => _node.EventTime is null ? null : Encode(_node.EventTime, Scope);

    /// <summary>Match, time of law and applies-when all yes: the provision reaches these facts.</summary>
    public Lit Engaged => _engaged;

    /// <summary>The provision is an obligation: its claim is the duty, made wherever it is engaged.</summary>
    public bool IsDuty { get; }

    /// <summary>
    /// The analysed claim is made and no exception stands against it: a breach violated or undetermined on its claim; a
    /// duty pending, violated, complied with or undetermined on its claim.
    /// </summary>
    public Lit ClaimUndefeated { get; }

    /// <summary>An obligation's duty is not discharged and its deadline has not passed at the as-of instant; false for any other provision.</summary>
    public Lit Pending { get; }

    /// <summary>
    /// For an obligation with a deadline: the duty stands undefeated while its deadline's anchor (or due instant) has no
    /// value, and no lapsing exception makes a claim that could restart the deadline. The compiled rules then find the
    /// duty <see cref="FindingStatus.Undetermined"/>: the due instant is unknown. False for any other provision.
    /// </summary>
    public Lit AnchorAbsent { get; } = Lit.False;

    /// <summary>
    /// Whether the permission is engaged (match, time of law and applies-when all yes) on some facts that share a fact
    /// with the analysed claim: the compiled rules' test of a permission that prevails over the claim, or conflicts with it.
    /// </summary>
    public Lit Permits(ProvisionNode permission) => Permits(permission, _claimScope);

    /// <summary>
    /// Whether the permission may be engaged on some facts that share a fact with the claim, but is not for certain there:
    /// its match yes, whether it was in force and its applies-when neither no, and not both yes.
    /// </summary>
    private Lit MayPermit(ProvisionNode permission, IReadOnlyDictionary<string, Term> claimScope) =>
        PermissionStages(permission, claimScope, "may", (encoder, match, inForce, applies) =>
            Sat.And(encoder.IsTrue(match), encoder.IsFalse(inForce).Not(), encoder.IsFalse(applies).Not(), Sat.And(encoder.IsTrue(inForce), encoder.IsTrue(applies)).Not()));

    private Lit Permits(ProvisionNode permission, IReadOnlyDictionary<string, Term> claimScope) =>
        PermissionStages(permission, claimScope, "engaged", (encoder, match, inForce, applies) =>
            Sat.And(encoder.IsTrue(match), encoder.IsTrue(inForce), encoder.IsTrue(applies)));

    /// <summary>A test of the permission's verdict stages, on any binding of its subject that shares a fact with the claim.</summary>
    private Lit PermissionStages(ProvisionNode permission, IReadOnlyDictionary<string, Term> claimScope, string test, Func<ConditionEncoder, Term, Term, Term, Lit> holds)
    {
        var claimSlots = SlotsOf(claimScope);
        var key = $"{test}/{permission.Id}/{string.Join(",", claimSlots.Select(s => $"{s.Type.Name}{s.Index}"))}";
        if (_permits.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (!_permissionEncoders.TryGetValue(permission.Id, out var encoder))
        {
            _permissionEncoders[permission.Id] = encoder = EncoderFor(permission);
        }

        var engaged = new List<Lit>();
        foreach (var (binding, bindingKey, exist) in Bindings(permission.SubjectFrame, new Dictionary<string, Term>(StringComparer.Ordinal)))
        {
            if (SlotsOf(binding).Intersect(claimSlots).Any())
            {
                var stagesKey = $"{permission.Id}/{bindingKey}";
                if (!_permissionStages.TryGetValue(stagesKey, out var stages))
                {
                    _permissionStages[stagesKey] = stages = Stages(permission, encoder, binding);
                }

                var (match, inForce, applies, _, _) = stages;
                engaged.Add(Sat.And(exist, holds(encoder, match, inForce, applies)));
            }
        }

        return _permits[key] = Sat.Or([.. engaged]);
    }

    /// <summary>The facts of the shape a scope's variables are bound to.</summary>
    private List<FactSlot> SlotsOf(IReadOnlyDictionary<string, Term> scope) =>
        [.. scope.Values.Where(t => t.Kind == TermKind.Fact && t.Value.Constant is not null).Select(t => Shape.Slots(t.Type!)[(int)t.Value.Constant!.Value]).Distinct()];

    /// <summary>
    /// Why a provision is not analysed: what <see cref="Unsupported"/> names, else the part of the language that building
    /// its model met and the encoding lacks; empty when it is analysed.
    /// </summary>
    public static ImmutableArray<string> WhyNotAnalysed(ProvisionNode node, IReadOnlyDictionary<string, ProvisionNode> provisions, ImmutableDictionary<string, string> readings, int factsPerType) =>
        Trial(Unsupported(node, factsPerType), () => new ProvisionModel(node, provisions, readings, factsPerType), "uses ");

    /// <summary>The reasons given, else what building a model meets that the encoding lacks (prefixed); empty when neither.</summary>
    private static ImmutableArray<string> Trial(ImmutableArray<string> reasons, Func<object> build, string prefix)
    {
        if (!reasons.IsEmpty)
        {
            return reasons;
        }

        try
        {
            _ = build();
            return [];
        }
        catch (NotSupportedException ex)
        {
            return [$"{prefix}{ex.Message}"];
        }
    }

    /// <summary>What a provision uses that this encoding does not cover yet; empty when it covers all of it.</summary>
    private static ImmutableArray<string> Unsupported(ProvisionNode node, int factsPerType)
    {
        var reasons = ImmutableArray.CreateBuilder<string>();
        if (node.Model.Modality == Modality.Obligation)
        {
            if (node.Model.Duty is null)
            {
                reasons.Add("an obligation with no duty");
            }
        }
        else if (node.ViolatedWhen is null)
        {
            reasons.Add("a provision with no violated-when");
        }

        reasons.AddRange(Unencodable(node, factsPerType));
        return reasons.ToImmutable();
    }

    /// <summary>
    /// Why an obligation's deadline anchor is not analysed: what its model cannot encode; empty when it is analysed (a
    /// lapsing exception is taken into account: the question is asked where none makes a claim).
    /// </summary>
    public static ImmutableArray<string> WhyAnchorNotAnalysed(ProvisionNode node, IReadOnlyDictionary<string, ProvisionNode> provisions, ImmutableDictionary<string, string> readings, int factsPerType) =>
        Trial(Unencodable(node, factsPerType), () => new ProvisionModel(node, provisions, readings, factsPerType), "uses ");

    /// <summary>Why a conflict between a provision and a permission is not analysed: what the permission's engagement uses; empty when it is.</summary>
    public static ImmutableArray<string> WhyConflictNotAnalysed(ProvisionNode node, ProvisionNode permission, IReadOnlyDictionary<string, ProvisionNode> provisions, ImmutableDictionary<string, string> readings, int factsPerType) =>
        Trial(permission.SubjectFrame.Any(v => v.Types.Length > 1) ? [$"permission {permission.Id} has a variable over several types"] : [],
            () => new ProvisionModel(node, permission, provisions, readings, factsPerType).Permits(permission), $"permission {permission.Id} uses ");

    /// <summary>What any question about a provision needs and the encoding lacks: variables over several types outside its own for, too many facts.</summary>
    private static ImmutableArray<string> Unencodable(ProvisionNode node, int factsPerType)
    {
        var reasons = ImmutableArray.CreateBuilder<string>();
        // Only the provision's own for variables are bound type by type (TypeChoices); a variable the encoding binds to
        // every fact of its type (an exception's, a met-by's, a breach's, a prevailing permission's) ranges over one type.
        var permissions = Exceptions(node).Select(e => e.Prevailing).OfType<ProvisionNode>();
        var frames = node.ViolationFrame.Concat(node.MetByFrame).Concat(Exceptions(node).SelectMany(e => e.OwnFrame)).Concat(permissions.SelectMany(p => p.SubjectFrame));
        foreach (var variable in frames.Where(v => v.Types.Length > 1).DistinctBy(v => v.Name))
        {
            reasons.Add($"a variable over several types ({variable.Name}: {string.Join(", ", variable.TypeNames)}) outside the provision's own for");
        }

        foreach (var group in node.SubjectFrame.Concat(node.ViolationFrame).SelectMany(v => v.Types).GroupBy(t => t.Name).Where(g => g.Count() > factsPerType))
        {
            reasons.Add($"{group.Count()} facts of type {group.Key} in its for (raise the facts per type above {factsPerType})");
        }

        return reasons.ToImmutable();
    }

    public static IEnumerable<ExceptionNode> Exceptions(RuleNode node) => node.Children.SelectMany(c => Exceptions(c).Prepend(c));

    /// <summary>Whether some claim of the exception stands against the provision's claim for these facts.</summary>
    public Lit Stands(ExceptionNode exception) => _stands.TryGetValue(exception, out var lits) ? Sat.Or([.. lits]) : Lit.False;

    /// <summary>The statuses, in <see cref="Statuses"/> order (<see cref="Pending"/> is false but for an obligation).</summary>
    public ImmutableArray<Lit> StatusLits => [NotApplicable, Violated, Complied, ExceptionApplies, Pending, Undetermined];

    public static ImmutableArray<FindingStatus> Statuses { get; } =
        [FindingStatus.NotApplicable, FindingStatus.Violated, FindingStatus.Complied, FindingStatus.ExceptionApplies, FindingStatus.Pending, FindingStatus.Undetermined];

    /// <summary>The outcome had <paramref name="excluded"/> (and everything under it) not been written: for dead-exception queries.</summary>
    public ImmutableArray<Lit> StatusesWithout(ExceptionNode excluded)
    {
        var o = Outcome(excluded);
        return [Sat.Or(_notApplicable, o.CarvedOut), o.Violated, Sat.Or(o.Complied, o.CarvedOutComplied), o.ExceptionApplies, o.Pending, Sat.Or(_preClaimUndetermined, o.ClaimUndetermined)];
    }

    /// <summary>The statuses that rest on the claim, as the stand, unsettled and outcome rules (and, for a duty, its discharge and deadline rules) decide them.</summary>
    private ClaimOutcome Outcome(ExceptionNode? excluded)
    {
        var lapses = new List<(Lit Lapsed, Num Due)>();
        var perChild = new List<(ExceptionNode Child, Lit Stands)>();
        var (stands, unsettled, childStands) = Resolve(_node, _claimScope, _claimExists, _tentative, excluded, "P", lapses, perChild);

        // Standing exceptions defeat the claim; where a carve-out stands among them, the conduct is outside the provision:
        // NotApplicable where one of them says so, else Complied (RuleActions.ConcludeExceptions).
        Lit CarveOuts(CarveOutOutcome outcome) => Sat.Or([.. perChild.Where(c => c.Child.Model.CarveOut == outcome).Select(c => c.Stands)]);
        var (carvedNa, carvedComplied) = (CarveOuts(CarveOutOutcome.NotApplicable), CarveOuts(CarveOutOutcome.Complied));
        var carvedOut = Sat.And(_claimExists, carvedNa);
        var carvedOutComplied = Sat.And(_claimExists, carvedComplied, carvedNa.Not());
        var exceptionApplies = Sat.And(_claimExists, childStands, carvedNa.Not(), carvedComplied.Not());
        if (!IsDuty)
        {
            return new(stands, _complied, exceptionApplies, Lit.False, unsettled, Sat.Or(stands, unsettled), carvedOut, carvedOutComplied);
        }

        // A duty no exception defeats for certain: complied where a fulfilling fact was done in time (whether or not the
        // duty is unsettled); otherwise, an unsettled duty is undetermined, and a standing one is undetermined by a doubt
        // about its discharge, or else pending, violated or undetermined as the as-of instant is before, after or unknown
        // against its due instant (the latest fresh deadline of a lapsed exception, if one lapsed).
        var undefeated = Sat.And(_claimExists, childStands.Not());
        var due = Due(lapses);
        var (discharged, doubt) = Discharge(due);
        var open = discharged.Not();
        var settled = Sat.And(stands, open, doubt.Not());
        var late = Late(due);
        return new(
            Violated: Sat.And(settled, _encoder.IsTrue(late)),
            Complied: Sat.And(undefeated, discharged),
            ExceptionApplies: exceptionApplies,
            Pending: Sat.And(settled, _encoder.IsFalse(late)),
            ClaimUndetermined: Sat.Or(Sat.And(unsettled, open), Sat.And(stands, open, doubt), Sat.And(settled, late.Unknown)),
            Undefeated: undefeated,
            CarvedOut: carvedOut,
            CarvedOutComplied: carvedOutComplied);
    }

    /// <summary>Whether the deadline has passed at the as-of instant: as-of after the due instant, or at it when the due instant itself is late.</summary>
    private Term Late(Term due)
    {
        var asOf = ConditionEncoder.Instant(Shape.AsOf());
        return _encoder.If(Inclusive(due), _encoder.Compare(asOf, due, 2), _encoder.Compare(asOf, due, 3));
    }

    /// <summary>
    /// The deadline's <c>inclusive</c>, over the claim's facts: yes when it has none; no where the due instant is a tick
    /// before its value (a minute is on time exactly when it is before the value, and late from it on).
    /// </summary>
    private Term Inclusive(Term due)
    {
        var inclusive = Cached("inclusive", () => _node.DeadlineInclusive is null ? ConditionEncoder.Constant(true) : Encode(_node.DeadlineInclusive, _claimScope));
        return due.JustBefore.IsFalse ? inclusive : _encoder.And(new Term { Kind = TermKind.YesNo, Known = Lit.True, Unknown = Lit.False, Bool = due.JustBefore.Not() }, inclusive);
    }

    private Term Cached(string key, Func<Term> make)
    {
        if (!_dutyCache.TryGetValue(key, out var term))
        {
            _dutyCache[key] = term = make();
        }

        return term;
    }

    /// <summary>
    /// The due instant as the compiled rules compute it: the <c>due:</c> instant, or the anchor (<c>from:</c>) plus the
    /// elapsed <c>within:</c>, an absent value read as unknown; absent with no deadline; and, where an exception lapsed,
    /// the latest of the fresh deadlines, known (<c>RuleActions.DueAfterLapses</c>).
    /// </summary>
    private Term Due(List<(Lit Lapsed, Num Due)> lapses)
    {
        var due = _baseDue ??= BaseDue();
        var live = lapses.Where(l => !l.Lapsed.IsFalse).ToList();
        if (live.Count == 0)
        {
            return due;
        }

        var any = Sat.Or([.. live.Select(l => l.Lapsed)]);
        Num latest;
        if (live.Count == 1)
        {
            latest = live[0].Due;
        }
        else
        {
            latest = Sat.NewInt(live.Min(l => l.Due.Lb), live.Max(l => l.Due.Ub), "lapseDue");
            var chosen = new List<Lit>();
            foreach (var (lapsed, at) in live)
            {
                Sat.Require(Sat.Implies(lapsed, Sat.Less(at, latest, strict: false)));
                var pick = Sat.NewBool("lapsePick");
                Sat.Require(Sat.Implies(pick, Sat.And(lapsed, Sat.Eq(latest, at))));
                chosen.Add(pick);
            }

            Sat.Require(Sat.Implies(any, Sat.Or([.. chosen])));
        }

        return new Term { Kind = TermKind.Instant, Known = Sat.Or(any, due.Known), Unknown = Sat.And(any.Not(), due.Unknown), Value = Sat.Ite(any, latest, due.Value), JustBefore = Sat.And(any.Not(), due.JustBefore) };
    }

    private Term BaseDue()
    {
        var deadline = _node.Model.Duty?.Deadline;
        if (deadline is null || (_node.DeadlineDue ?? _node.DeadlineFrom) is not { } source)
        {
            return new Term { Kind = TermKind.Instant, Known = Lit.False, Unknown = Lit.False };
        }

        // Ops.Stated: an anchor (or due instant) with no value leaves the due instant unknown.
        var instant = Encode(source, _claimScope);
        Num value;
        if (_node.DeadlineDue is not null)
        {
            value = instant.Value;
        }
        else if (deadline.Counting == DeadlineCounting.Elapsed)
        {
            value = Sat.Sum(instant.Value, Num.Of(ConditionEncoder.Minutes(deadline.Within ?? TimeSpan.Zero)), subtract: false);
        }
        else
        {
            // Business time, counted as DeadlineCalculator counts it: unknown also where the count meets a weekday of a year
            // the deadline's calendar does not cover.
            var calendar = deadline.Calendar is { } name ? _node.Law.Calendars.FirstOrDefault(c => c.Name == name) : null;
            var within = deadline.Within ?? TimeSpan.Zero;
            var (due, covered) = deadline.Counting == DeadlineCounting.BusinessHours
                ? _encoder.Calendar.BusinessHours(instant.Value, ConditionEncoder.Minutes(within), calendar)
                : _encoder.Calendar.BusinessDaysDue(instant.Value, (int)within.TotalDays, calendar);
            var known = Sat.And(instant.Known, covered);
            return new Term { Kind = TermKind.Instant, Known = known, Unknown = known.Not(), Value = due, JustBefore = Lit.Of(deadline.Counting == DeadlineCounting.BusinessDays) };
        }

        return new Term { Kind = TermKind.Instant, Known = instant.Known, Unknown = instant.Known.Not(), Value = value };
    }

    /// <summary>
    /// Whether some fulfilling fact discharged the duty (its met-by yes, done on time against the due instant and by
    /// the as-of instant, or by the as-of instant with no deadline), and whether one may have (that test unknown).
    /// </summary>
    private (Lit Discharged, Lit Doubt) Discharge(Term due)
    {
        var metBy = _node.MetBy ?? throw new NotSupportedException("an obligation whose duty has no met-by condition");
        var metAt = _node.MetAt ?? throw new NotSupportedException("an obligation whose duty has no 'at'");
        var asOf = ConditionEncoder.Instant(Shape.AsOf());
        var hasDeadline = _node.Model.Duty?.Deadline is not null;
        var discharged = new List<Lit>();
        var doubts = new List<Lit>();
        foreach (var (binding, key, exist) in Bindings(_node.MetByFrame, _claimScope))
        {
            var met = Cached($"met/{key}", () => Encode(metBy, binding));
            var at = Cached($"at/{key}", () => Encode(metAt, binding));
            var byAsOf = _encoder.Compare(at, asOf, 1);
            var inTime = hasDeadline
                ? _encoder.And(_encoder.If(Inclusive(due), _encoder.Compare(at, due, 1), _encoder.Compare(at, due, 0)), byAsOf)
                : byAsOf;
            var value = _encoder.And(met, inTime);
            discharged.Add(Sat.And(exist, _encoder.IsTrue(value)));
            doubts.Add(Sat.And(exist, value.Unknown));
        }

        return (Sat.Or([.. discharged]), Sat.Or([.. doubts]));
    }

    /// <summary>What rests on a claim: each status of the outcome, and whether no exception defeats the claim.</summary>
    /// <remarks>
    /// <paramref name="Complied"/> is the claim's own (no breach, or a duty discharged); where a carve-out stands the
    /// finding is <paramref name="CarvedOut"/> (NotApplicable) or <paramref name="CarvedOutComplied"/> instead of
    /// <paramref name="ExceptionApplies"/>, as <c>RuleActions.ConcludeExceptions</c> decides.
    /// </remarks>
    private readonly record struct ClaimOutcome(Lit Violated, Lit Complied, Lit ExceptionApplies, Lit Pending, Lit ClaimUndetermined, Lit Undefeated, Lit CarvedOut, Lit CarvedOutComplied);

    /// <summary>
    /// A claim of <paramref name="node"/> that exists (certain or tentative) when <paramref name="exists"/>: whether it
    /// stands, is unsettled, and whether a child exception stands against it, as the stand and unsettled rules decide.
    /// </summary>
    /// <remarks>
    /// An exception that lapses (directly under an obligation) stands only where it has not lapsed by the as-of instant;
    /// where whether it lapsed is unknown, its certain claim is unsettled; where it lapsed, its certain claim neither
    /// stands nor is unsettled, and its fresh deadline is added to <paramref name="lapses"/>.
    /// </remarks>
    private (Lit Stands, Lit Unsettled, Lit ChildStands) Resolve(RuleNode node, IReadOnlyDictionary<string, Term> scope, Lit exists, Lit tentative, ExceptionNode? excluded, string key, List<(Lit Lapsed, Num Due)> lapses, List<(ExceptionNode Child, Lit Stands)>? perChild = null)
    {
        var childStands = new List<Lit>();
        var childUnsettled = new List<Lit>();
        foreach (var child in node.Children.Where(c => c != excluded))
        {
            foreach (var (binding, bindingKey, slotsExist) in Bindings(child.OwnFrame, scope))
            {
                var whenKey = $"{key}/{child.Id}/{bindingKey}";
                if (!_whenCache.TryGetValue(whenKey, out var when))
                {
                    when = child.Prevailing is null ? Encode(child.When!, binding) : ConditionEncoder.Constant(true);
                    _whenCache[whenKey] = when;
                }

                // A permission that prevails over the claim (higher law, declared precedence) claims against it wherever it
                // is engaged on facts the claim binds.
                var permits = child.Prevailing is { } permission ? Permits(permission, scope) : Lit.True;
                var claimExists = Sat.And(exists, slotsExist, _encoder.IsFalse(when).Not(), permits);
                if (child.LapseAt is not null && excluded is null)
                {
                    _lapsingClaims.Add(claimExists);
                }

                var (stands, unsettled, _) = Resolve(child, binding, claimExists, when.Unknown, excluded, whenKey, lapses);
                childStands.Add(stands);
                perChild?.Add((child, stands));
                childUnsettled.Add(unsettled);
                if (child.Prevailing is { } doubted)
                {
                    // Where the permission may be engaged (its match yes, in force and applies-when not no, not both yes),
                    // its claim is tentative (the prevails-doubt or carve-out-doubt rule): unsettled unless defeated.
                    var (_, doubtUnsettled, _) = Resolve(child, binding, Sat.And(exists, slotsExist, MayPermit(doubted, scope)), Lit.True, excluded, $"{whenKey}~doubt", lapses);
                    childUnsettled.Add(doubtUnsettled);
                }
                if (excluded is null)
                {
                    if (!_stands.TryGetValue(child, out var list))
                    {
                        _stands[child] = list = [];
                    }

                    list.Add(stands);
                }
            }
        }

        var anyStands = Sat.Or([.. childStands]);
        var anyUnsettled = Sat.Or([.. childUnsettled]);
        var standsHere = Sat.And(exists, tentative.Not(), anyStands.Not(), anyUnsettled.Not());
        var unsettledHere = Sat.And(exists, anyStands.Not(), Sat.Or(tentative, anyUnsettled));
        if (node is ExceptionNode { LapseAt: { } lapseAt } lapsing)
        {
            // HasLapsed: the end is known, not after the as-of instant, and the lapse's 'if' holds.
            var at = Cached($"lapse-at/{key}", () => Encode(lapseAt, scope));
            var lapsed = Cached($"lapsed/{key}", () =>
            {
                var ended = _encoder.Compare(at, ConditionEncoder.Instant(Shape.AsOf()), 1);
                return lapsing.LapseIf is null ? ended : _encoder.And(ended, Encode(lapsing.LapseIf, scope));
            });
            var certain = Sat.And(exists, tentative.Not());
            standsHere = Sat.And(standsHere, _encoder.IsFalse(lapsed));
            unsettledHere = Sat.Or(unsettledHere, Sat.And(certain, lapsed.Unknown));
            lapses.Add((Sat.And(certain, _encoder.IsTrue(lapsed)), Sat.Sum(at.Value, Num.Of(ConditionEncoder.Minutes(lapsing.Model.Lapses!.RestartWithin)), subtract: false)));
        }

        return (standsHere, unsettledHere, anyStands);
    }

    /// <summary>Every way to bind a frame's variables (an exception's own, a breach's) to facts of the shape, with whether those facts exist.</summary>
    private IEnumerable<(Dictionary<string, Term> Scope, string Key, Lit Exist)> Bindings(ImmutableArray<FrameVariable> frame, IReadOnlyDictionary<string, Term> scope)
    {
        IEnumerable<(Dictionary<string, Term>, string, Lit)> partial = [(new Dictionary<string, Term>(scope, StringComparer.Ordinal), string.Empty, Lit.True)];
        foreach (var variable in frame)
        {
            var slots = Shape.Slots(variable.Type);
            partial = partial.SelectMany(p => slots.Select(slot =>
            {
                var next = new Dictionary<string, Term>(p.Item1, StringComparer.Ordinal) { [variable.Name] = FactTerm(slot) };
                return (next, $"{p.Item2}{variable.Name}={slot.Index};", Sat.And(p.Item3, slot.Exists));
            })).ToList();
        }

        return partial;
    }

    /// <summary>A provision's verdict stages on a binding of its subject: match, whether its law was in force, applies-when.</summary>
    /// <remarks>
    /// With whether the text compiled is the one that would govern, were the law in force (<c>LawPeriod.AsWritten</c>),
    /// and, for a provision with versions, which version's condition is evaluated (<see cref="InForce"/>): applies-when is
    /// the one of the version in force at the event's time.
    /// </remarks>
    private (Term Match, Term InForce, Term Applies, Lit AsWritten, ImmutableArray<(VersionNode Version, Lit Governs)> Governing) Stages(ProvisionNode node, ConditionEncoder encoder, IReadOnlyDictionary<string, Term> scope)
    {
        var (inForce, asWritten, governing) = node.Period is null ? (ConditionEncoder.Constant(true), Lit.False, []) : InForce(node, encoder, scope);
        return (node.Match is null ? ConditionEncoder.Constant(true) : encoder.Encode(Parse(node.Match), scope),
            inForce,
            Select(encoder, governing, v => v.AppliesWhen, node.AppliesWhen, scope),
            asWritten,
            governing);
    }

    /// <summary>The provision's violated-when over a binding of its claim: the one of the version in force at the event's time.</summary>
    private Term ViolatedWhen(IReadOnlyDictionary<string, Term> scope) => Select(_encoder, _governing, v => v.ViolatedWhen, _node.ViolatedWhen, scope);

    /// <summary>
    /// A condition as <c>ProvisionVersions.Select</c> picks it: the own condition of the version that governs (its text
    /// known and the event's time, known, in its period), else the provision's (yes where it has none). The versions'
    /// periods do not overlap, so at most one governs.
    /// </summary>
    private static Term Select(ConditionEncoder encoder, ImmutableArray<(VersionNode Version, Lit Governs)> governing, Func<VersionNode, ConditionSource?> own, ConditionSource? shared, IReadOnlyDictionary<string, Term> scope)
    {
        var selected = shared is null ? ConditionEncoder.Constant(true) : encoder.Encode(Parse(shared), scope);
        foreach (var (version, governs) in governing)
        {
            if (own(version) is { } condition && !governs.IsFalse)
            {
                var chosen = encoder.Encode(Parse(condition), scope);
                selected = encoder.Choose(governs, chosen, selected);
            }
        }

        return selected;
    }

    /// <summary>The encoder of a provision's conditions: its definitions and parameters, the readings taken, over the shape.</summary>
    private ConditionEncoder EncoderFor(ProvisionNode node) =>
        new(Shape, node.Environment.Definitions ?? DefinitionTable.Empty, _readings, node.Environment.Parameters, node.Environment.Zone, FindingTest);

    private static Term FactTerm(FactSlot slot) => ConditionEncoder.FactOf(slot);

    private Term Encode(ConditionSource source, IReadOnlyDictionary<string, Term> scope) => _encoder.Encode(Parse(source), scope);

    private static Expr Parse(ConditionSource source) =>
        ConditionParser.ParseCondition(source.Text.Text, out _, out _) ?? throw new NotSupportedException($"the condition of {source.Context}, which does not parse");

    private static IEnumerable<Expr> Conditions(ProvisionNode node)
    {
        var sources = new List<ConditionSource?> { node.Match, node.AppliesWhen, node.EventTime, node.AssumeInForce, node.ViolatedWhen, node.DeadlineFrom, node.DeadlineDue, node.DeadlineInclusive, node.MetBy, node.MetAt };
        sources.AddRange(node.Versions.SelectMany(v => new[] { v.AppliesWhen, v.ViolatedWhen }));
        sources.AddRange(Exceptions(node).SelectMany(e => new[] { e.When, e.LapseAt, e.LapseIf }));
        return Parsed(sources);
    }

    private static IEnumerable<Expr> Parsed(IEnumerable<ConditionSource?> sources) =>
        sources.Where(s => s is not null).Select(s => ConditionParser.ParseCondition(s!.Text.Text, out _, out _)).Where(e => e is not null).Select(e => e!);

    /// <summary>
    /// Whether the law was in force at the event's time, as <c>LawPeriod.Check</c> decides it: a chain of tests on the
    /// event's instant against adoption, the effective date (or the reading that assumes the law in force), the end of
    /// the provision's period, its versions and its amendments, each a day's start in the jurisdiction's zone.
    /// </summary>
    /// <remarks>
    /// With versions: the provision takes effect on its first version's first day (or the ordinance's effective date);
    /// an event in the period of a version whose text is unknown, or between two versions, leaves it unknown; one on or
    /// after the last version's end is not in force. <c>Governing</c> gives, for each version of known text, whether it
    /// governs the event (its time known and in the version's period, <c>LawPeriod.VersionAt</c>), whatever the rest
    /// of the chain decides. No verdict is provisional (<c>LawPeriod.AsWritten</c> is no for a provision with versions).
    /// </remarks>
    private (Term InForce, Lit AsWritten, ImmutableArray<(VersionNode Version, Lit Governs)> Governing) InForce(ProvisionNode node, ConditionEncoder encoder, IReadOnlyDictionary<string, Term> scope)
    {
        var law = node.Law;
        var provision = node.Model;
        var zone = DateTimeZoneProviders.Tzdb[law.Jurisdiction.TimeZone];
        Num? Start(DateOnly? day) => day is { } d ? Num.Of(ConditionEncoder.StartOfDay(zone, LocalDate.FromDateOnly(d))) : null;
        var eventTime = encoder.Encode(Parse(node.EventTime!), scope);
        var assume = node.AssumeInForce is null ? ConditionEncoder.Constant(false) : encoder.Encode(Parse(node.AssumeInForce), new Dictionary<string, Term>());
        var t = eventTime.Value;

        // (test, outcome: true, false, or null for unknown), in LawPeriod's order; the first test that holds decides.
        var chain = new List<(Lit Test, bool? Outcome)> { (eventTime.Known.Not(), null) };

        // What rules out the text compiled at a known time, but for the effective date: before adoption, after the end.
        var outside = new List<Lit>();
        if (Start(law.AdoptedOn) is { } adopted)
        {
            chain.Add((Sat.Less(t, adopted, strict: true), false));
            outside.Add(chain[^1].Test);
        }

        var versions = node.Versions;
        var from = provision.InForce?.From ?? (versions.IsEmpty ? null : versions[0].Model.From) ?? law.EffectiveFrom;
        if (Start(from) is { } effective)
        {
            chain.Add((Sat.Less(t, effective, strict: true), false));
        }
        else
        {
            chain.Add((encoder.IsTrue(assume).Not(), null));
        }

        if (Start(provision.InForce?.Until) is { } until)
        {
            chain.Add((Sat.Less(t, until, strict: true).Not(), false));
            outside.Add(chain[^1].Test);
        }

        // The version in force (LawPeriod.Version): one whose text is unknown leaves it unknown; after the last one's end
        // it is not in force; between two versions (no text known) unknown; one of known text goes on to the amendments.
        var periods = versions.Select(v => (Version: v, In: Sat.And(
            Start(v.Model.From) is { } f ? Sat.Less(t, f, strict: true).Not() : Lit.True,
            Start(v.Until) is { } u ? Sat.Less(t, u, strict: true) : Lit.True))).ToList();
        var governing = ImmutableArray.CreateRange(periods.Where(p => p.Version.Model.TextKnown).Select(p => (p.Version, Sat.And(eventTime.Known, p.In))));
        if (!versions.IsEmpty)
        {
            chain.Add((Sat.Or([.. periods.Where(p => !p.Version.Model.TextKnown).Select(p => p.In)]), null));
            if (Start(versions[^1].Until) is { } end)
            {
                chain.Add((Sat.Less(t, end, strict: true).Not(), false));
            }

            chain.Add((Sat.Or([.. periods.Where(p => p.Version.Model.TextKnown).Select(p => p.In)]).Not(), null));
        }

        // The amendments weighed together, whatever their order: one in force with known text ends the original; else one
        // in force whose text is unknown, or one adopted whose effective date is unknown, leaves it unknown.
        var amendments = law.Amendments.Where(a => a.Affects.Contains(provision.Id)).ToList();
        Lit Reached(IEnumerable<Num> starts) => Sat.Or([.. starts.Select(start => Sat.Less(t, start, strict: true).Not())]);
        chain.Add((Reached(amendments.Where(a => a.TextKnown).Select(a => Start(a.EffectiveFrom)).OfType<Num>()), false));
        chain.Add((Reached(amendments.Select(a => Start(a.EffectiveFrom)).OfType<Num>()), null));
        chain.Add((Reached(amendments.Where(a => a.EffectiveFrom is null).Select(a => Start(a.AdoptedOn)).OfType<Num>()), null));

        var (isTrue, isUnknown) = (Lit.True, Lit.False);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var (test, outcome) = chain[i];
            isTrue = Sat.Ite(test, Lit.Of(outcome == true), isTrue);
            isUnknown = Sat.Ite(test, Lit.Of(outcome is null), isUnknown);
        }

        // LawPeriod.AsWritten: with the event's time unknown, no amendment of unknown text or date could govern it; with
        // it known, only the effective date is unknown (no reading assumes the law in force), the event is after adoption
        // and before the provision's end, and no amendment governs it.
        var whenUnknown = Lit.Of(versions.IsEmpty && amendments.All(a => a.TextKnown && a.EffectiveFrom is not null));
        var whenKnown = Start(from) is null && versions.IsEmpty
            ? Sat.And([encoder.IsTrue(assume).Not(), .. outside.Select(o => o.Not()), .. chain.Skip(chain.Count - 3).Select(c => c.Test.Not())])
            : Lit.False;
        var asWritten = Sat.Ite(eventTime.Known, whenKnown, whenUnknown);
        return (new Term { Kind = TermKind.YesNo, Known = isUnknown.Not(), Unknown = isUnknown, Bool = isTrue }, asWritten, governing);
    }

    /// <summary>The scenario a solution describes: the facts that exist, with the fields the conditions read.</summary>
    /// <remarks>The as-of instant is the model's, where a duty or a lapse read it; otherwise <paramref name="asOf"/>.</remarks>
    public Scenario Decode(Google.OrTools.Sat.CpSolver solver, string name, DateTimeOffset asOf)
    {
        if (Shape.AsOfMinutes is { } minutes)
        {
            asOf = Shape.Epoch.AddMinutes(Sat.Value(solver, minutes));
        }

        var builder = new ScenarioBuilder(Shape.Vocabulary, _node.Law.Jurisdiction.TimeZone).Named(name).AsOf(asOf);
        // A recurring duty's periods are generated by the engine for each evaluation, not stated.
        foreach (var slot in Shape.AllSlots.Where(s => !s.Type.Generated && Sat.Value(solver, s.Exists)))
        {
            builder.Fact(slot.Type.Name, IdOf(solver, slot), fields =>
            {
                foreach (var field in slot.Fields.Values)
                {
                    if (Sat.Value(solver, field.Unknown))
                    {
                        fields.Unknown(field.Definition.Name);
                    }
                    else if (Sat.Value(solver, field.Known))
                    {
                        fields.Set(field.Definition.Name, ValueOf(solver, field));
                    }
                }
            });
        }

        return builder.Build();
    }

    public string IdOf(Google.OrTools.Sat.CpSolver solver, FactSlot slot) => Shape.Universe[(int)Sat.Value(solver, slot.Id)];

    private object ValueOf(Google.OrTools.Sat.CpSolver solver, FieldSlot field)
    {
        var value = field.Definition.Type.Kind is Vocabulary.FieldKind.EnumerationSet or Vocabulary.FieldKind.ReferenceSet ? 0 : Sat.Value(solver, field.Value);
        return field.Definition.Type.Kind switch
        {
            Vocabulary.FieldKind.YesNo => Sat.Value(solver, field.Bool),
            Vocabulary.FieldKind.Text or Vocabulary.FieldKind.Enumeration => Shape.Universe[(int)value],
            Vocabulary.FieldKind.Number => (decimal)value,
            Vocabulary.FieldKind.Instant => Shape.Epoch.AddMinutes(value),
            Vocabulary.FieldKind.Duration => TimeSpan.FromMinutes(value),
            Vocabulary.FieldKind.Reference => IdOf(solver, Shape.AllSlots.First(s => s.Type.Name == field.Definition.Type.ReferencedType && s.Index == value)),
            Vocabulary.FieldKind.ReferenceSet => Shape.AllSlots.Where(s => s.Type.Name == field.Definition.Type.ReferencedType && Sat.Value(solver, field.Members[s.Index])).Select(s => IdOf(solver, s)).ToArray(),
            _ => field.Definition.Type.Values.Where((_, i) => Sat.Value(solver, field.Members[i])).ToArray(),
        };
    }
}
