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
    private readonly Dictionary<string, Term> _claimScope;
    private readonly IReadOnlyDictionary<string, string> _readings;
    private readonly Dictionary<string, ConditionEncoder> _permissionEncoders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lit> _permits = new(StringComparer.Ordinal);
    private readonly List<Lit> _lapsingClaims = [];

    public ProvisionModel(ProvisionNode node, IReadOnlyDictionary<string, string> readings, int factsPerType)
        : this(node, readings, new Shape(new Sat(), node.Law.Vocabulary, factsPerType, Constants(node)))
    {
    }

    /// <summary>The provision encoded with a permission it may conflict with (the shape's texts include the permission's).</summary>
    public ProvisionModel(ProvisionNode node, ProvisionNode permission, IReadOnlyDictionary<string, string> readings, int factsPerType)
        : this(node, readings, new Shape(new Sat(), node.Law.Vocabulary, factsPerType, Constants(node).Concat(EngagementConstants(permission))))
    {
    }

    /// <summary>The provision encoded over a shape shared with other provisions (the shape's texts must include <see cref="Constants"/>).</summary>
    public ProvisionModel(ProvisionNode node, IReadOnlyDictionary<string, string> readings, Shape shape)
    {
        _node = node;
        _readings = readings;
        Sat = shape.Sat;
        Shape = shape;
        _encoder = EncoderFor(node);

        var scope = new Dictionary<string, Term>(StringComparer.Ordinal);
        var subject = ImmutableArray.CreateBuilder<(string Variable, FactSlot Slot)>();
        foreach (var variable in node.SubjectFrame)
        {
            var index = subject.Count(s => s.Slot.Type.Name == variable.Type.Name);
            var slot = Shape.Slots(variable.Type)[index];
            Sat.Require(slot.Exists);
            subject.Add((variable.Name, slot));
            scope[variable.Name] = FactTerm(slot);
        }

        Subject = subject.ToImmutable();
        Scope = scope;

        // A breach tested on further facts (violated-when with its own for): the claim analysed binds them to facts of
        // their own, after the subject's; every other binding of them may still make a claim of its own.
        var claimScope = new Dictionary<string, Term>(scope, StringComparer.Ordinal);
        var breach = ImmutableArray.CreateBuilder<(string Variable, FactSlot Slot)>();
        foreach (var variable in node.ViolationFrame)
        {
            var index = subject.Count(s => s.Slot.Type.Name == variable.Type.Name) + breach.Count(s => s.Slot.Type.Name == variable.Type.Name);
            var slot = Shape.Slots(variable.Type)[index];
            breach.Add((variable.Name, slot));
            claimScope[variable.Name] = FactTerm(slot);
        }

        Breach = breach.ToImmutable();
        _claimScope = claimScope;

        var (match, inForce, applies) = Stages(node, _encoder, scope);
        NoFinding = _encoder.IsFalse(match);
        var matchTrue = _encoder.IsTrue(match);
        var (inForceTrue, inForceFalse) = (_encoder.IsTrue(inForce), _encoder.IsFalse(inForce));
        var (appliesTrue, appliesFalse) = (_encoder.IsTrue(applies), _encoder.IsFalse(applies));
        NotApplicable = Sat.And(matchTrue, Sat.Or(inForceFalse, Sat.And(inForceFalse.Not(), appliesFalse)));
        _preClaimUndetermined = Sat.Or(match.Unknown, Sat.And(matchTrue, Sat.Or(Sat.And(inForce.Unknown, appliesFalse.Not()), Sat.And(inForceTrue, applies.Unknown))));
        _engaged = Sat.And(matchTrue, inForceTrue, appliesTrue);

        // A duty's claim is made, for certain, wherever the obligation is engaged: it has no violated-when.
        IsDuty = node.Model.Modality == Modality.Obligation;
        _violated = IsDuty ? ConditionEncoder.Constant(true) : Encode(node.ViolatedWhen!, claimScope);
        _claimExists = Sat.And(_engaged, Sat.And([.. Breach.Select(b => b.Slot.Exists)]), _encoder.IsFalse(_violated).Not());
        if (Breach.IsEmpty)
        {
            Complied = Sat.And(_engaged, _encoder.IsFalse(_violated));
        }
        else
        {
            // Complied only when no binding of the further facts makes a claim, certain or tentative.
            var claims = Bindings(node.ViolationFrame, scope).Select(b => Sat.And(b.Exist, _encoder.IsFalse(Encode(node.ViolatedWhen!, b.Scope)).Not()));
            Complied = Sat.And(_engaged, Sat.Or([.. claims]).Not());
        }

        (Violated, ExceptionApplies, ClaimUndetermined) = Outcome(null);
        Undetermined = Sat.Or(_preClaimUndetermined, ClaimUndetermined);
        if (IsDuty && node.Model.Duty?.Deadline is not null && (node.DeadlineDue ?? node.DeadlineFrom) is { } instant)
        {
            // No lapse can restart the deadline where no lapsing exception makes a claim: the due instant is the anchor's.
            var anchor = Encode(instant, claimScope);
            AnchorAbsent = Sat.And(ClaimUndefeated, anchor.Known.Not(), Sat.Or([.. _lapsingClaims]).Not());
        }
    }

    /// <summary>
    /// Every text the provision's conditions, definitions and law name, and those of the permissions that prevail over it:
    /// the shape's text universe must hold them.
    /// </summary>
    public static IEnumerable<string> Constants(ProvisionNode node) =>
        ConstantsOf(node, Conditions(node))
            .Concat(Exceptions(node).Select(e => e.Prevailing).OfType<ProvisionNode>().SelectMany(EngagementConstants));

    /// <summary>The texts a permission's match, time of law and applies-when name, with its definitions' and law's.</summary>
    private static IEnumerable<string> EngagementConstants(ProvisionNode permission) =>
        ConstantsOf(permission, Parsed([permission.Match, permission.AppliesWhen, permission.EventTime, permission.AssumeInForce]));

    private static IEnumerable<string> ConstantsOf(ProvisionNode node, IEnumerable<Expr> conditions)
    {
        var definitions = node.Environment.Definitions ?? DefinitionTable.Empty;
        return conditions.SelectMany(ConditionEncoder.Constants)
            .Concat(definitions.Names.Select(n => definitions.TryGet(n, out var d) ? d.Body : null).Where(b => b is not null).SelectMany(b => ConditionEncoder.Constants(b!)))
            .Concat(ConditionEncoder.Constants(node.Law));
    }

    /// <summary>The facts a finding found in a solution is for: the subject's, and the further facts' when the analysed claim bears on it.</summary>
    public ImmutableArray<FactBinding> FactsOf(Google.OrTools.Sat.CpSolver solver)
    {
        var bound = Sat.Value(solver, ClaimUndetermined) || Sat.Value(solver, Violated) || Sat.Value(solver, ExceptionApplies) ? Subject.AddRange(Breach) : Subject;
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

    public Sat Sat { get; }

    public Shape Shape { get; }

    public ImmutableArray<(string Variable, FactSlot Slot)> Subject { get; }

    public IReadOnlyDictionary<string, Term> Scope { get; }

    /// <summary>The combination has no finding of its own: its match is no.</summary>
    public Lit NoFinding { get; }

    public Lit NotApplicable { get; }

    public Lit Complied { get; }

    public Lit Violated { get; }

    public Lit ExceptionApplies { get; }

    public Lit Undetermined { get; }

    /// <summary>Match, time of law and applies-when all yes: the provision reaches these facts.</summary>
    public Lit Engaged => _engaged;

    /// <summary>The provision is an obligation: its claim is the duty, made wherever it is engaged.</summary>
    public bool IsDuty { get; }

    /// <summary>The analysed claim is made and no exception stands against it: it is violated, or undetermined on its claim.</summary>
    public Lit ClaimUndefeated => Sat.Or(Violated, ClaimUndetermined);

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

    private Lit Permits(ProvisionNode permission, IReadOnlyDictionary<string, Term> claimScope)
    {
        var claimSlots = SlotsOf(claimScope);
        var key = $"{permission.Id}/{string.Join(",", claimSlots.Select(s => $"{s.Type.Name}{s.Index}"))}";
        if (_permits.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (!_permissionEncoders.TryGetValue(permission.Id, out var encoder))
        {
            _permissionEncoders[permission.Id] = encoder = EncoderFor(permission);
        }

        var engaged = new List<Lit>();
        foreach (var (binding, _, exist) in Bindings(permission.SubjectFrame, new Dictionary<string, Term>(StringComparer.Ordinal)))
        {
            if (SlotsOf(binding).Intersect(claimSlots).Any())
            {
                var (match, inForce, applies) = Stages(permission, encoder, binding);
                engaged.Add(Sat.And(exist, encoder.IsTrue(match), encoder.IsTrue(inForce), encoder.IsTrue(applies)));
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
    public static ImmutableArray<string> WhyNotAnalysed(ProvisionNode node, ImmutableDictionary<string, string> readings, int factsPerType) =>
        Trial(Unsupported(node, factsPerType), () => new ProvisionModel(node, readings, factsPerType), "uses ");

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
            reasons.Add("an obligation (its statuses, with duties, deadlines and as-of, are not encoded yet)");
        }
        else if (node.ViolatedWhen is null)
        {
            reasons.Add("a provision with no violated-when");
        }

        reasons.AddRange(Unencodable(node, factsPerType));
        foreach (var exception in Exceptions(node).Where(e => e.Model.Lapses is not null))
        {
            reasons.Add($"a lapsing exception ({exception.Id})");
        }

        return reasons.ToImmutable();
    }

    /// <summary>
    /// Why an obligation's deadline anchor is not analysed: what its model cannot encode; empty when it is analysed (a
    /// lapsing exception is taken into account: the question is asked where none makes a claim).
    /// </summary>
    public static ImmutableArray<string> WhyAnchorNotAnalysed(ProvisionNode node, ImmutableDictionary<string, string> readings, int factsPerType) =>
        Trial(Unencodable(node, factsPerType), () => new ProvisionModel(node, readings, factsPerType), "uses ");

    /// <summary>Why a conflict between a provision and a permission is not analysed: what the permission's engagement uses; empty when it is.</summary>
    public static ImmutableArray<string> WhyConflictNotAnalysed(ProvisionNode node, ProvisionNode permission, ImmutableDictionary<string, string> readings, int factsPerType) =>
        Trial(permission.Versions.IsEmpty ? [] : [$"permission {permission.Id} has versions (versions:)"],
            () => new ProvisionModel(node, permission, readings, factsPerType).Permits(permission), $"permission {permission.Id} uses ");

    /// <summary>What any question about a provision needs and the encoding lacks: versions, carve-outs a permission makes, too many facts.</summary>
    private static ImmutableArray<string> Unencodable(ProvisionNode node, int factsPerType)
    {
        var reasons = ImmutableArray.CreateBuilder<string>();
        if (!node.Versions.IsEmpty)
        {
            reasons.Add("versions of one provision (versions:)");
        }

        foreach (var exception in Exceptions(node))
        {
            if (exception.Prevailing is { } prevailing && exception.Model.CarveOut is not null)
            {
                reasons.Add($"precedence: permission {prevailing.Id} narrows it (a carve-out a permission makes)");
            }
            else if (exception.Prevailing is { Versions.IsEmpty: false } versioned)
            {
                reasons.Add($"precedence: permission {versioned.Id}, which prevails over it, has versions (versions:)");
            }
        }

        foreach (var group in node.SubjectFrame.Concat(node.ViolationFrame).GroupBy(v => v.Type.Name).Where(g => g.Count() > factsPerType))
        {
            reasons.Add($"{group.Count()} facts of type {group.Key} in its for (raise the facts per type above {factsPerType})");
        }

        return reasons.ToImmutable();
    }

    public static IEnumerable<ExceptionNode> Exceptions(RuleNode node) => node.Children.SelectMany(c => Exceptions(c).Prepend(c));

    /// <summary>Whether some claim of the exception stands against the provision's claim for these facts.</summary>
    public Lit Stands(ExceptionNode exception) => _stands.TryGetValue(exception, out var lits) ? Sat.Or([.. lits]) : Lit.False;

    /// <summary>The statuses, in <see cref="Statuses"/> order.</summary>
    public ImmutableArray<Lit> StatusLits => [NotApplicable, Violated, Complied, ExceptionApplies, Undetermined];

    public static ImmutableArray<FindingStatus> Statuses { get; } =
        [FindingStatus.NotApplicable, FindingStatus.Violated, FindingStatus.Complied, FindingStatus.ExceptionApplies, FindingStatus.Undetermined];

    /// <summary>The outcome had <paramref name="excluded"/> (and everything under it) not been written: for dead-exception queries.</summary>
    public ImmutableArray<Lit> StatusesWithout(ExceptionNode excluded)
    {
        var (violated, exceptionApplies, undetermined) = Outcome(excluded);
        return [NotApplicable, violated, Complied, exceptionApplies, Sat.Or(_preClaimUndetermined, undetermined)];
    }

    private (Lit Violated, Lit ExceptionApplies, Lit Undetermined) Outcome(ExceptionNode? excluded)
    {
        var (stands, unsettled, childStands) = Resolve(_node, _claimScope, _claimExists, _violated.Unknown, excluded, "P");
        return (stands, Sat.And(_claimExists, childStands), unsettled);
    }

    /// <summary>
    /// A claim of <paramref name="node"/> that exists (certain or tentative) when <paramref name="exists"/>: whether it
    /// stands, is unsettled, and whether a child exception stands against it, as the stand and unsettled rules decide.
    /// </summary>
    private (Lit Stands, Lit Unsettled, Lit ChildStands) Resolve(RuleNode node, IReadOnlyDictionary<string, Term> scope, Lit exists, Lit tentative, ExceptionNode? excluded, string key)
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

                var (stands, unsettled, _) = Resolve(child, binding, claimExists, when.Unknown, excluded, whenKey);
                childStands.Add(stands);
                childUnsettled.Add(unsettled);
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
        return (Sat.And(exists, tentative.Not(), anyStands.Not(), anyUnsettled.Not()), Sat.And(exists, anyStands.Not(), Sat.Or(tentative, anyUnsettled)), anyStands);
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
    private (Term Match, Term InForce, Term Applies) Stages(ProvisionNode node, ConditionEncoder encoder, IReadOnlyDictionary<string, Term> scope) =>
        (node.Match is null ? ConditionEncoder.Constant(true) : encoder.Encode(Parse(node.Match), scope),
         node.Period is null ? ConditionEncoder.Constant(true) : InForce(node, encoder, scope),
         node.AppliesWhen is null ? ConditionEncoder.Constant(true) : encoder.Encode(Parse(node.AppliesWhen), scope));

    /// <summary>The encoder of a provision's conditions: its definitions and parameters, the readings taken, over the shape.</summary>
    private ConditionEncoder EncoderFor(ProvisionNode node) =>
        new(Shape, node.Environment.Definitions ?? DefinitionTable.Empty, _readings, node.Environment.Parameters);

    private static Term FactTerm(FactSlot slot) => new() { Kind = TermKind.Fact, Type = slot.Type, Known = Lit.True, Unknown = Lit.False, Value = Num.Of(slot.Index) };

    private Term Encode(ConditionSource source, IReadOnlyDictionary<string, Term> scope) => _encoder.Encode(Parse(source), scope);

    private static Expr Parse(ConditionSource source) =>
        ConditionParser.ParseCondition(source.Text.Text, out _, out _) ?? throw new NotSupportedException($"the condition of {source.Context}, which does not parse");

    private static IEnumerable<Expr> Conditions(ProvisionNode node)
    {
        var sources = new List<ConditionSource?> { node.Match, node.AppliesWhen, node.EventTime, node.AssumeInForce, node.ViolatedWhen, node.DeadlineFrom, node.DeadlineDue };
        sources.AddRange(Exceptions(node).Select(e => e.When));
        return Parsed(sources);
    }

    private static IEnumerable<Expr> Parsed(IEnumerable<ConditionSource?> sources) =>
        sources.Where(s => s is not null).Select(s => ConditionParser.ParseCondition(s!.Text.Text, out _, out _)).Where(e => e is not null).Select(e => e!);

    /// <summary>
    /// Whether the law was in force at the event's time, as <c>LawPeriod.Check</c> decides it: a chain of tests on the
    /// event's instant against adoption, the effective date (or the reading that assumes the law in force), the end of
    /// the provision's period and its amendments, each a day's start in the jurisdiction's zone.
    /// </summary>
    private Term InForce(ProvisionNode node, ConditionEncoder encoder, IReadOnlyDictionary<string, Term> scope)
    {
        var law = node.Law;
        var provision = node.Model;
        var zone = DateTimeZoneProviders.Tzdb[law.Jurisdiction.TimeZone];
        Num? Start(DateOnly? day) => day is { } d ? Num.Of(ConditionEncoder.Minutes(zone.AtStartOfDay(LocalDate.FromDateOnly(d)).ToDateTimeOffset())) : null;
        var eventTime = encoder.Encode(Parse(node.EventTime!), scope);
        var assume = node.AssumeInForce is null ? ConditionEncoder.Constant(false) : encoder.Encode(Parse(node.AssumeInForce), new Dictionary<string, Term>());
        var t = eventTime.Value;

        // (test, outcome: true, false, or null for unknown), in LawPeriod's order; the first test that holds decides.
        var chain = new List<(Lit Test, bool? Outcome)> { (eventTime.Known.Not(), null) };
        if (Start(law.AdoptedOn) is { } adopted)
        {
            chain.Add((Sat.Less(t, adopted, strict: true), false));
        }

        if (Start(provision.InForce?.From ?? law.EffectiveFrom) is { } effective)
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

        return new Term { Kind = TermKind.YesNo, Known = isUnknown.Not(), Unknown = isUnknown, Bool = isTrue };
    }

    /// <summary>The scenario a solution describes: the facts that exist, with the fields the conditions read.</summary>
    public Scenario Decode(Google.OrTools.Sat.CpSolver solver, string name, DateTimeOffset asOf)
    {
        var builder = new ScenarioBuilder(Shape.Vocabulary, _node.Law.Jurisdiction.TimeZone).Named(name).AsOf(asOf);
        foreach (var slot in Shape.AllSlots.Where(s => Sat.Value(solver, s.Exists)))
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
        var value = field.Definition.Type.Kind == Vocabulary.FieldKind.EnumerationSet ? 0 : Sat.Value(solver, field.Value);
        return field.Definition.Type.Kind switch
        {
            Vocabulary.FieldKind.YesNo => Sat.Value(solver, field.Bool),
            Vocabulary.FieldKind.Text or Vocabulary.FieldKind.Enumeration => Shape.Universe[(int)value],
            Vocabulary.FieldKind.Number => (decimal)value,
            Vocabulary.FieldKind.Instant => Shape.Epoch.AddMinutes(value),
            Vocabulary.FieldKind.Duration => TimeSpan.FromMinutes(value),
            Vocabulary.FieldKind.Reference => IdOf(solver, Shape.AllSlots.First(s => s.Type.Name == field.Definition.Type.ReferencedType && s.Index == value)),
            _ => field.Definition.Type.Values.Where((_, i) => Sat.Value(solver, field.Members[i])).ToArray(),
        };
    }
}
