using System.Collections.Immutable;
using System.Globalization;
using Google.OrTools.Sat;
using OrdinanceRules.Analysis.Encoding;
using OrdinanceRules.Compilation;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;

namespace OrdinanceRules.Analysis;

/// <summary>
/// Static analysis of an ordinance with a constraint solver (OR-Tools CP-SAT): for each provision, which statuses some
/// scenario of a bounded shape gives it, with a witness scenario for each; provisions that never apply, are never
/// violated or never complied with; and exceptions that never hold or never change an outcome.
/// </summary>
/// <remarks>
/// The encoding follows the compiled rules' semantics (three-valued logic, unknown distinct from absent, exceptions to
/// any depth, time of law, readings, parameters, definitions). A provision that uses something the encoding does not
/// cover yet is listed with what it uses, never guessed at. Each call to the solver has a time limit; a question it
/// cannot decide in time is reported as undecided. Thread-safe: each call builds its own models.
/// </remarks>
public static class OrdinanceAnalyzer
{
    /// <summary>Analyses every provision of an ordinance with the default options.</summary>
    /// <param name="ordinance">The ordinance, as loaded.</param>
    /// <returns>The report.</returns>
    /// <exception cref="OrdinanceDiagnosticException">The ordinance does not compile; every problem is listed.</exception>
    public static AnalysisReport Analyze(Ordinance ordinance) => Analyze(ordinance, [], null, null);

    /// <summary>Analyses every provision of an ordinance.</summary>
    /// <param name="ordinance">The ordinance, as loaded.</param>
    /// <param name="options">The bound, the time limit and the readings; null for <see cref="AnalysisOptions.Default"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="OrdinanceDiagnosticException">The ordinance does not compile; every problem is listed.</exception>
    /// <exception cref="ArgumentException">The options name a reading or an alternative the ordinance does not declare.</exception>
    public static AnalysisReport Analyze(Ordinance ordinance, AnalysisOptions? options) => Analyze(ordinance, [], options, null);

    /// <summary>
    /// Analyses every provision of an ordinance stacked under higher laws (as <see cref="OrdinanceCompiler.Compile(Ordinance, IEnumerable{Ordinance})"/>
    /// stacks them), reporting each provision analysed to <paramref name="progress"/>.
    /// </summary>
    /// <param name="ordinance">The local ordinance, as loaded.</param>
    /// <param name="higherLaws">Laws of a higher level; empty for none. Their provisions are analysed too, after the ordinance's.</param>
    /// <param name="options">The bound, the time limit and the readings (of any law of the stack); null for <see cref="AnalysisOptions.Default"/>.</param>
    /// <param name="progress">Told before each provision is analysed; null for none.</param>
    /// <returns>The report.</returns>
    /// <remarks>
    /// A permission that prevails over a provision (higher law, or a declared <c>prevails-over</c>) is encoded as the
    /// exception the compiler implies; a provision such a permission narrows (a carve-out it makes) is listed as not analysed.
    /// </remarks>
    /// <exception cref="OrdinanceDiagnosticException">The laws do not compile together; every problem is listed.</exception>
    /// <exception cref="ArgumentException">The options name a reading or an alternative no law of the stack declares.</exception>
    public static AnalysisReport Analyze(Ordinance ordinance, IEnumerable<Ordinance> higherLaws, AnalysisOptions? options, IProgress<AnalysisProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(ordinance);
        ArgumentNullException.ThrowIfNull(higherLaws);
        options ??= AnalysisOptions.Default;
        var nodes = Bind(ordinance, [.. higherLaws], out var laws, out var contests);
        var readings = Readings(laws, options);
        var provisions = ImmutableArray.CreateBuilder<ProvisionAnalysis>();
        var findings = ImmutableArray.CreateBuilder<AnalysisFinding>();
        var byId = ById(nodes);
        for (var i = 0; i < nodes.Length; i++)
        {
            progress?.Report(new AnalysisProgress(nodes[i].Id, i, nodes.Length));
            var conflicts = contests.Where(c => c.Kind == ContestKind.Conflict && c.Provision == nodes[i]).Select(c => c.Permission).ToList();
            var (analysis, found) = new ProvisionAnalyzer(nodes[i], byId, options, readings, conflicts).Run();
            provisions.Add(analysis);
            findings.AddRange(found);
        }

        progress?.Report(new AnalysisProgress(null, nodes.Length, nodes.Length));
        return new AnalysisReport(ordinance.Citation, options.FactsPerType, provisions.ToImmutable(), findings.ToImmutable()) { Readings = readings };
    }

    /// <summary>
    /// The provisions of the stack, bound as the compiler binds them (each law over the stack's one vocabulary, readings
    /// numbered across the stack), with the precedence between them planned.
    /// </summary>
    internal static ImmutableArray<ProvisionNode> Bind(Ordinance ordinance, IReadOnlyList<Ordinance> higherLaws, out IReadOnlyList<Ordinance> laws) =>
        Bind(ordinance, higherLaws, out laws, out _);

    /// <summary>As <see cref="Bind(Ordinance, IReadOnlyList{Ordinance}, out IReadOnlyList{Ordinance})"/>, with the contests the precedence plan found.</summary>
    internal static ImmutableArray<ProvisionNode> Bind(Ordinance ordinance, IReadOnlyList<Ordinance> higherLaws, out IReadOnlyList<Ordinance> laws, out ImmutableArray<Contest> contests)
    {
        // Compiling first reports every problem of the stack (vocabularies that cannot be shared, ranks, duplicate ids) as the compiler does.
        var compiled = OrdinanceCompiler.TryCompile(ordinance, higherLaws);
        if (!compiled.Succeeded)
        {
            throw new OrdinanceDiagnosticException(compiled.Diagnostics);
        }

        laws = [compiled.Value.Ordinance, .. compiled.Value.HigherLaws];
        var diagnostics = new List<Diagnostic>();
        var nodes = ImmutableArray.CreateBuilder<ProvisionNode>();
        var readingOffset = 0;
        foreach (var law in laws)
        {
            nodes.AddRange(new OrdinanceBinder(law, diagnostics, nodes.Count, readingOffset, laws).Bind());
            readingOffset += law.Readings.Length;
        }

        if (diagnostics.Count > 0)
        {
            throw new OrdinanceDiagnosticException(diagnostics);
        }

        var all = nodes.ToImmutable();
        contests = Precedence.Plan(all);
        return all;
    }

    /// <summary>The provisions of a stack by id, for the finding tests that name them.</summary>
    internal static IReadOnlyDictionary<string, ProvisionNode> ById(ImmutableArray<ProvisionNode> nodes)
    {
        var byId = new Dictionary<string, ProvisionNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            byId.TryAdd(node.Id, node);
        }

        return byId;
    }

    internal static ImmutableDictionary<string, string> Readings(IReadOnlyList<Ordinance> laws, AnalysisOptions options)
    {
        var declared = laws.SelectMany(l => l.Readings).ToList();
        foreach (var (name, alternative) in options.Readings)
        {
            var reading = declared.FirstOrDefault(r => r.Name == name) ?? throw new ArgumentException($"{laws[0].Citation} declares no reading '{name}'.", nameof(options));
            if (!reading.Allows(alternative))
            {
                throw new ArgumentException($"Reading '{name}' has no alternative '{alternative}'.", nameof(options));
            }
        }

        return declared.ToImmutableDictionary(r => r.Name, r => options.Readings.TryGetValue(r.Name, out var chosen) ? chosen : r.Default, StringComparer.Ordinal);
    }

    /// <summary>The as-of instant of every witness: after every instant the shape can hold.</summary>
    internal static readonly DateTimeOffset AsOf = Shape.Epoch.AddMinutes(Shape.MaxMinutes).AddDays(1);

    /// <summary>
    /// One solver call within the options' limits, asking for a solution as small as the solver finds in time: few facts,
    /// few stated fields, and ids of the shape's own (not texts a condition names) where one will do.
    /// </summary>
    internal static (CpSolverStatus Status, CpSolver Solver) SolveMinimal(Sat sat, Shape shape, AnalysisOptions options)
    {
        // A set of references costs each fact it lists, so a witness lists only the facts its finding needs.
        var cost = shape.AllSlots.SelectMany(s => s.Fields.Values.SelectMany(f => f.Definition.Type.Kind == Vocabulary.FieldKind.ReferenceSet ? [f.Known, f.Unknown, .. f.Members] : new[] { f.Known, f.Unknown })
                .Append(s.Exists).Append(shape.NamedId(s)))
            .Where(l => l.Literal is not null).Select(l => l.Literal!).ToList();
        if (cost.Count > 0)
        {
            sat.Model.Minimize(LinearExpr.Sum(cost));
        }

        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture, $"num_workers:{options.Workers}, max_time_in_seconds:{options.Timeout.TotalSeconds}"),
        };
        return (solver.Solve(sat.Model), solver);
    }

    /// <summary>The questions asked about one provision.</summary>
    private sealed class ProvisionAnalyzer(ProvisionNode node, IReadOnlyDictionary<string, ProvisionNode> provisions, AnalysisOptions options, ImmutableDictionary<string, string> readings, IReadOnlyList<ProvisionNode> conflicting)
    {
        private readonly List<AnalysisFinding> _findings = [];

        private string Id => node.Id;

        private bool IsDuty => node.Model.Modality == Modality.Obligation;

        public (ProvisionAnalysis, IReadOnlyList<AnalysisFinding>) Run()
        {
            var reasons = ProvisionModel.WhyNotAnalysed(node, provisions, readings, options.FactsPerType);
            if (!reasons.IsEmpty)
            {
                var anchor = Anchor();
                return (new ProvisionAnalysis(Id, [.. reasons, .. anchor], [], [], []), _findings);
            }

            var reachable = new Dictionary<FindingStatus, Witness>();
            var unreachable = ImmutableArray.CreateBuilder<FindingStatus>();
            var undecided = ImmutableArray.CreateBuilder<FindingStatus>();
            for (var i = 0; i < ProvisionModel.Statuses.Length; i++)
            {
                var status = ProvisionModel.Statuses[i];
                if (status == FindingStatus.Pending && !IsDuty)
                {
                    continue;
                }

                var index = i;
                var (outcome, witness) = Solve(m => m.StatusLits[index], status.ToString());
                switch (outcome)
                {
                    case Answer.Found:
                        reachable[status] = witness!;
                        break;
                    case Answer.Impossible:
                        unreachable.Add(status);
                        break;
                    default:
                        undecided.Add(status);
                        Undecided($"whether provision {Id} can be {status}");
                        break;
                }
            }

            Witness? Any(params FindingStatus[] preferred) =>
                preferred.Select(s => reachable.GetValueOrDefault(s)).FirstOrDefault(w => w is not null) ?? reachable.Values.FirstOrDefault();

            var (engaged, _) = Solve(m => m.Engaged, "engaged");
            if (engaged == Answer.Impossible)
            {
                Add(AnalysisFindingKind.NeverApplies, null, $"Provision {Id} never applies: in no scenario of up to {options.FactsPerType} facts per type are its match, time of law and applies-when all yes.", Any(FindingStatus.NotApplicable));
            }
            else if (engaged == Answer.Undecided)
            {
                Undecided($"whether provision {Id} ever applies");
            }
            else
            {
                if (unreachable.Contains(FindingStatus.Violated))
                {
                    Add(AnalysisFindingKind.NeverViolated, null, IsDuty
                            ? $"Obligation {Id} applies but is never violated: wherever its duty arises it is discharged, pending, excepted or undetermined, never undischarged past a deadline{(node.Model.Duty?.Deadline is null ? " (it has none)" : string.Empty)}."
                            : $"Provision {Id} applies but is never violated: whenever it applies it is complied with, excepted or undetermined.",
                        Any(FindingStatus.Complied, FindingStatus.Pending, FindingStatus.ExceptionApplies, FindingStatus.Undetermined));
                }

                if (unreachable.Contains(FindingStatus.Complied))
                {
                    Add(AnalysisFindingKind.NeverComplied, null, IsDuty
                            ? $"Obligation {Id} applies but is never complied with: wherever its duty arises, no fact its met-by accepts can discharge it in time."
                            : $"Provision {Id} applies but is never complied with: its violated-when is never no where it applies.",
                        Any(FindingStatus.Violated, FindingStatus.Pending, FindingStatus.ExceptionApplies, FindingStatus.Undetermined));
                }

                // The exceptions written in the ordinance; a permission that prevails over the provision (higher law, declared
                // precedence) is encoded as the exception the compiler implies, but whether it bears is no drafting defect.
                foreach (var exception in ProvisionModel.Exceptions(node).Where(e => e.Prevailing is null))
                {
                    Exception(exception, Any(FindingStatus.Violated, FindingStatus.Pending, FindingStatus.Undetermined));
                }
            }

            var notAnalysed = ImmutableArray.CreateBuilder<string>();
            foreach (var permission in engaged == Answer.Found ? conflicting : [])
            {
                notAnalysed.AddRange(Conflict(permission));
            }

            notAnalysed.AddRange(Anchor());

            var analysis = new ProvisionAnalysis(Id, notAnalysed.ToImmutable(), [.. ProvisionModel.Statuses.Where(reachable.ContainsKey).Select(s => reachable[s])], unreachable.ToImmutable(), undecided.ToImmutable());
            return (analysis, _findings);
        }

        /// <summary>
        /// Whether the provision's claim can stand undefeated on facts a permission of equal rank is engaged on, neither
        /// declared to prevail: the compiled rules then report the two as a conflict. Returns why it is not analysed, if so.
        /// </summary>
        private ImmutableArray<string> Conflict(ProvisionNode permission)
        {
            var why = ProvisionModel.WhyConflictNotAnalysed(node, permission, provisions, readings, options.FactsPerType);
            if (!why.IsEmpty)
            {
                return [.. why.Select(w => $"the conflict with {w}")];
            }

            var (answer, witness) = Solve(types => new ProvisionModel(node, permission, provisions, readings, options.FactsPerType, types), m => m.Sat.And(m.ClaimUndefeated, m.Permits(permission)), $"in conflict with {permission.Id}");
            if (answer == Answer.Found)
            {
                Add(AnalysisFindingKind.Conflict, null,
                    IsDuty
                        ? $"Obligation {Id} and permission {permission.Id} are of equal rank and neither is declared to prevail, yet on the same facts {permission.Id} is engaged while {Id}'s duty stands undefeated ({Word(witness!.Status)}): the compiled rules report a conflict. Declare which prevails (prevails-over), or narrow one of them."
                        : $"Provision {Id} and permission {permission.Id} are of equal rank and neither is declared to prevail, yet on the same facts {permission.Id} allows what {Id} finds {Word(witness!.Status)}: the compiled rules report a conflict. Declare which prevails (prevails-over), or narrow one of them.",
                    witness! with { ConflictsWith = permission.Id }, permission.Id);
            }
            else if (answer == Answer.Undecided)
            {
                Undecided($"whether provision {Id} conflicts with permission {permission.Id}");
            }

            return [];
        }

        private static string Word(FindingStatus status) => status switch
        {
            FindingStatus.Violated => "violated",
            FindingStatus.Complied => "complied with",
            FindingStatus.Pending => "pending",
            _ => "undetermined",
        };

        /// <summary>For an obligation with a deadline: whether the duty can stand while its deadline's anchor has no value. Returns why it is not analysed, if so.</summary>
        private ImmutableArray<string> Anchor()
        {
            if (node.Model.Modality != Modality.Obligation || node.Model.Duty?.Deadline is null || (node.DeadlineDue ?? node.DeadlineFrom) is null)
            {
                return [];
            }

            var why = ProvisionModel.WhyAnchorNotAnalysed(node, provisions, readings, options.FactsPerType);
            if (!why.IsEmpty)
            {
                return [.. why.Select(w => $"its deadline's anchor: {w}")];
            }

            var anchor = (node.DeadlineDue ?? node.DeadlineFrom)!.Text.Text.Trim();
            var (answer, witness) = Solve(types => new ProvisionModel(node, provisions, readings, options.FactsPerType, types), m => m.AnchorAbsent, "deadline anchor absent", FindingStatus.Undetermined);
            if (answer == Answer.Found)
            {
                Add(AnalysisFindingKind.DeadlineAnchorCanBeAbsent, null,
                    $"Obligation {Id} can apply while its deadline's {(node.DeadlineDue is null ? "anchor" : "due instant")} ({anchor}) has no value: the duty is then undetermined, as no deadline can be computed. Require the anchor where the duty applies, or say what the deadline runs from when it is not stated.",
                    witness);
            }
            else if (answer == Answer.Undecided)
            {
                Undecided($"whether obligation {Id} can apply with its deadline's anchor absent");
            }

            return [];
        }

        private void Exception(ExceptionNode exception, Witness? instead)
        {
            var (holds, standing) = Solve(m => m.Stands(exception), $"{exception.Id} stands");
            if (holds == Answer.Impossible)
            {
                Add(AnalysisFindingKind.ExceptionNeverHolds, exception.Id, $"Exception {exception.Id} of provision {Id} never holds: in no scenario does it stand against the claim it excepts.", instead);
                return;
            }

            if (holds == Answer.Undecided)
            {
                Undecided($"whether exception {exception.Id} of provision {Id} ever holds");
                return;
            }

            var (changes, _) = Solve(m => Differs(m, exception), $"{exception.Id} decides");
            if (changes == Answer.Impossible)
            {
                Add(AnalysisFindingKind.ExceptionNeverChangesOutcome, exception.Id, $"Exception {exception.Id} of provision {Id} is dead: it can hold, but the finding is the same without it in every scenario (another exception, or the provision's own conditions, always decide first).", standing);
            }
            else if (changes == Answer.Undecided)
            {
                Undecided($"whether exception {exception.Id} of provision {Id} ever changes an outcome");
            }
        }

        private static Lit Differs(ProvisionModel model, ExceptionNode exception)
        {
            var with = model.StatusLits;
            var without = model.StatusesWithout(exception);
            return model.Sat.Or([.. with.Select((w, i) => model.Sat.And(w, without[i].Not()))]);
        }

        private void Add(AnalysisFindingKind kind, string? exceptionId, string message, Witness? witness, string? otherProvisionId = null) =>
            _findings.Add(new AnalysisFinding(kind, Id, exceptionId, message, witness) { OtherProvisionId = otherProvisionId });

        private void Undecided(string question) =>
            Add(AnalysisFindingKind.Undecided, null, $"The solver could not decide {question} within {options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s: nothing is claimed.", null);

        private enum Answer
        {
            Found,
            Impossible,
            Undecided,
        }

        /// <summary>One solver call: a scenario in which the combination has a finding and the goal holds, as small as the solver finds in time.</summary>
        private (Answer, Witness?) Solve(Func<ProvisionModel, Lit> goal, string name) =>
            Solve(types => new ProvisionModel(node, provisions, readings, options.FactsPerType, types), goal, name);

        /// <summary>
        /// As <see cref="Solve(Func{ProvisionModel, Lit}, string)"/>, over a model made by <paramref name="make"/>; with
        /// <paramref name="status"/>, the witness's status is that one (for a question whose model does not decide every status).
        /// A provision whose <c>for</c> variables range over several types is asked once for each choice of their types
        /// (<see cref="ProvisionModel.TypeChoices"/>): found under one, impossible only when impossible under all.
        /// </summary>
        private (Answer, Witness?) Solve(Func<ImmutableArray<int>, ProvisionModel> make, Func<ProvisionModel, Lit> goal, string name, FindingStatus? status = null)
        {
            var answer = Answer.Impossible;
            foreach (var types in ProvisionModel.TypeChoices(node))
            {
                var (one, witness) = Solve(make(types), goal, name, status);
                if (one == Answer.Found)
                {
                    return (one, witness);
                }

                answer = one == Answer.Undecided ? one : answer;
            }

            return (answer, null);
        }

        private (Answer, Witness?) Solve(ProvisionModel model, Func<ProvisionModel, Lit> goal, string name, FindingStatus? status)
        {
            model.Sat.Require(model.NoFinding.Not());
            model.Sat.Require(goal(model));
            if (status is null)
            {
                model.Sat.Require(model.Sat.Or([.. model.StatusLits]));
            }

            var (solved, solver) = SolveMinimal(model.Sat, model.Shape, options);
            if (solved is CpSolverStatus.Infeasible)
            {
                return (Answer.Impossible, null);
            }

            if (solved is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                return (Answer.Undecided, null);
            }

            var scenario = model.Decode(solver, $"{Id}: {name} (analysis witness)", AsOf);
            return (Answer.Found, new Witness(Id, scenario, model.FactsOf(solver), status ?? model.StatusOf(solver), readings));
        }
    }
}
