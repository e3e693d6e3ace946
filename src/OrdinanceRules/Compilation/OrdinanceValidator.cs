using FluentValidation;
using FluentValidation.Results;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Compilation;

/// <summary>The ordinance model's invariants, checked with FluentValidation; failures become diagnostics.</summary>
/// <remarks>An exception that several provisions share (one instance under each, as a shared exception set gives) counts once.</remarks>
internal sealed class OrdinanceValidator : AbstractValidator<Ordinance>
{
    private static readonly OrdinanceValidator Instance = new();

    private OrdinanceValidator()
    {
        RuleFor(o => o.Title).NotEmpty().WithMessage("the ordinance needs a title").WithState(o => o.Location);
        RuleFor(o => o.Number).NotEmpty().WithMessage("the ordinance needs a number").WithState(o => o.Location);
        RuleFor(o => o.Jurisdiction.TimeZone).Must(JurisdictionClock.IsKnownZone)
            .WithMessage(o => $"'{o.Jurisdiction.TimeZone}' is not an IANA time zone id (such as America/Chicago)").WithState(o => o.Location);
        RuleFor(o => o.Provisions).NotEmpty().WithMessage("the ordinance has no provisions").WithState(o => o.Location);
        RuleFor(o => o.EffectiveFrom).Must((o, effective) => effective is null || o.AdoptedOn is null || effective >= o.AdoptedOn)
            .WithMessage("the ordinance cannot take effect before it was adopted").WithState(o => o.Location);
        RuleForEach(o => o.Provisions).ChildRules(p =>
        {
            p.RuleFor(x => x.Id).Must(Identifiers.IsValidId).WithMessage(x => $"provision id '{x.Id}' must start with a letter or digit and hold only letters, digits, '-', '_' and '.'").WithState(x => x.Location);
            p.RuleFor(x => x.Section).NotEmpty().WithMessage(x => $"provision {x.Id} needs a section to cite").WithState(x => x.Location);
            p.RuleFor(x => x.Text).NotEmpty().WithMessage(x => $"provision {x.Id} needs its text").WithState(x => x.Location);
            p.RuleFor(x => x.For).Must(f => !f.IsDefaultOrEmpty).When(x => x.Recurs is null).WithMessage(x => $"provision {x.Id} binds no facts: give 'for'").WithState(x => x.Location);
            p.RuleFor(x => x.Duty).NotNull().When(x => x.Modality == Modality.Obligation)
                .WithMessage(x => $"provision {x.Id} is an obligation: give its 'duty' (met-by, at and deadline)").WithState(x => x.Location);
            p.RuleFor(x => x.Duty).Null().When(x => x.Modality != Modality.Obligation)
                .WithMessage(x => $"provision {x.Id} is a {Words(x.Modality)}: only an obligation has a 'duty'").WithState(x => x.Location);
            p.RuleFor(x => x.ViolatedWhen).NotNull().When(x => x.Modality != Modality.Obligation)
                .WithMessage(x => $"provision {x.Id} is a {Words(x.Modality)}: give 'violated-when'").WithState(x => x.Location);
            p.RuleFor(x => x.ViolatedWhen).Null().When(x => x.Modality == Modality.Obligation)
                .WithMessage(x => $"provision {x.Id} is an obligation: it is breached by missing its duty, not by 'violated-when'").WithState(x => x.Location);
        });
        RuleForEach(o => o.Readings).ChildRules(r =>
        {
            r.RuleFor(x => x.Name).Must(Identifiers.IsValidId).WithMessage(x => $"reading name '{x.Name}' must start with a letter or digit and hold only letters, digits, '-', '_' and '.'").WithState(x => x.Location);
            r.RuleFor(x => x.Alternatives).Must(a => a.Length >= 2).WithMessage(x => $"reading '{x.Name}' needs at least two alternatives").WithState(x => x.Location);
            r.RuleFor(x => x.Alternatives).Must(a => a.Select(x => x.Name).Distinct().Count() == a.Length).WithMessage(x => $"reading '{x.Name}' lists an alternative twice").WithState(x => x.Location);
            r.RuleFor(x => x.Default).Must((x, d) => x.Allows(d)).WithMessage(x => $"the default of reading '{x.Name}' is '{x.Default}', which is not one of its alternatives: {string.Join(", ", x.Alternatives.Select(a => a.Name))}").WithState(x => x.Location);
        });
        RuleFor(o => o.Readings).Must(r => r.Select(x => x.Name).Distinct().Count() == r.Length).WithMessage("two readings share a name").WithState(o => o.Location);
        RuleForEach(o => o.Parameters).ChildRules(r =>
        {
            r.RuleFor(x => x.Name).Must(Identifiers.IsValidId).WithMessage(x => $"parameter name '{x.Name}' must start with a letter or digit and hold only letters, digits, '-', '_' and '.'").WithState(x => x.Location);
            r.RuleFor(x => x.Choices).Must(c => !c.IsDefaultOrEmpty).When(x => x.Kind is ParameterKind.Choice or ParameterKind.ChoiceSet)
                .WithMessage(x => $"parameter '{x.Name}' is a choice: list its choices").WithState(x => x.Location);
            r.RuleFor(x => x.Default).Must((x, d) => x.Accepts(d)).WithMessage(x => $"the default of parameter '{x.Name}' is not a value of its kind ({x.Kind})").WithState(x => x.Location);
            r.RuleFor(x => x.Value).Must((x, v) => v is null || x.Accepts(v)).WithMessage(x => $"the value set for parameter '{x.Name}' is not a value of its kind ({x.Kind})").WithState(x => x.SetAt ?? x.Location);
        });
        RuleFor(o => o.Parameters).Must(p => p.Select(x => x.Name).Distinct().Count() == p.Length).WithMessage("two parameters share a name").WithState(o => o.Location);
        RuleFor(o => o.Provisions).Custom((_, context) =>
        {
            var o = context.InstanceToValidate;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (id, location) in AllIds(o))
            {
                if (!seen.Add(id))
                {
                    context.AddFailure(new ValidationFailure("Id", $"the id '{id}' is used twice; provision and exception ids must be unique") { CustomState = location });
                }
            }

            foreach (var exception in o.Provisions.SelectMany(p => Flatten(p.Exceptions)).Distinct(ReferenceEqualityComparer.Instance).Cast<ProvisionException>())
            {
                if (!Identifiers.IsValidId(exception.Id))
                {
                    context.AddFailure(new ValidationFailure("Id", $"exception id '{exception.Id}' must start with a letter or digit and hold only letters, digits, '-', '_' and '.'") { CustomState = exception.Location });
                }

                if (string.IsNullOrWhiteSpace(exception.Section))
                {
                    context.AddFailure(new ValidationFailure("Section", $"exception {exception.Id} needs a section to cite") { CustomState = exception.Location });
                }
            }
        });
    }

    public static IReadOnlyList<Diagnostic> Check(Ordinance ordinance) =>
        Instance.Validate(ordinance).Errors
            .Select(e => new Diagnostic(DiagnosticCodes.InvalidOrdinance, e.ErrorMessage, e.CustomState as SourceLocation))
            .ToList();

    internal static IEnumerable<ProvisionException> Flatten(IEnumerable<ProvisionException> exceptions) =>
        exceptions.SelectMany(e => Flatten(e.Exceptions).Prepend(e));

    private static IEnumerable<(string Id, SourceLocation? Location)> AllIds(Ordinance o) =>
        o.Provisions.Select(p => (p.Id, p.Location))
            .Concat(o.Provisions.SelectMany(p => Flatten(p.Exceptions)).Distinct(ReferenceEqualityComparer.Instance).Cast<ProvisionException>().Select(e => (e.Id, e.Location)));

    private static string Words(Modality modality) => modality switch
    {
        Modality.NonObligation => "non-obligation",
        _ => modality.ToString().ToLowerInvariant(),
    };
}
